/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-language.h"
#include "vt-preferences-window.h"

struct _VtPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *language_row;
  AdwActionRow         *database_row;
  GtkSpinButton        *backups_keep_spin;

  VtApplication        *application;
  gboolean              populating;
};

G_DEFINE_FINAL_TYPE (VtPreferencesWindow, vt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

VtPreferencesWindow *
vt_preferences_window_new (VtApplication *application)
{
  return g_object_new (VT_TYPE_PREFERENCES_WINDOW,
                       "vt-application", application,
                       NULL);
}

static void
restart_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  VtPreferencesWindow *self = VT_PREFERENCES_WINDOW (user_data);

  if (g_str_equal (response, "restart"))
    {
      gtk_window_close (GTK_WINDOW (self));
      vt_application_request_restart (self->application);
    }
}

static void
on_language_selected (VtPreferencesWindow *self)
{
  GSettings *settings = vt_application_get_settings (self->application);
  guint n_languages;
  const VtLanguage *languages = vt_language_get_all (&n_languages);
  guint selected = adw_combo_row_get_selected (self->language_row);
  g_autofree char *current = g_settings_get_string (settings, "language");
  GtkWidget *dialog;

  if (self->populating || selected >= n_languages)
    return;
  if (g_str_equal (current, languages[selected].code))
    return;

  g_settings_set_string (settings, "language", languages[selected].code);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Restart to Change the Language?"),
                                   _("The new language is used from the next start. Restarting now keeps your place in the app."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "restart", _("_Restart"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restart",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restart");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (restart_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
populate (VtPreferencesWindow *self)
{
  GSettings *settings = vt_application_get_settings (self->application);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *code = g_settings_get_string (settings, "language");
  guint n_languages;
  const VtLanguage *languages = vt_language_get_all (&n_languages);
  guint selected = 0;

  for (guint i = 0; i < n_languages; i++)
    {
      /* Translators: the choice of following the computer's own language. */
      gtk_string_list_append (names, languages[i].native_name ? languages[i].native_name : _("System"));
      if (g_str_equal (languages[i].code, code))
        selected = i;
    }

  self->populating = TRUE;
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
  self->populating = FALSE;

  adw_action_row_set_subtitle (self->database_row,
                               vt_application_get_database_path (self->application));
  g_settings_bind (settings, "backups-keep", self->backups_keep_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
vt_preferences_window_constructed (GObject *object)
{
  VtPreferencesWindow *self = VT_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (vt_preferences_window_parent_class)->constructed (object);

  populate (self);
}

static void
vt_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VtPreferencesWindow *self = VT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_get_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VtPreferencesWindow *self = VT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (vt_preferences_window_parent_class)->dispose (object);
}

static void
vt_preferences_window_class_init (VtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vt_preferences_window_constructed;
  object_class->dispose = vt_preferences_window_dispose;
  object_class->set_property = vt_preferences_window_set_property;
  object_class->get_property = vt_preferences_window_get_property;

  /* The application outlives its windows, so a plain pointer is enough. */
  properties[PROP_APPLICATION] =
    g_param_spec_object ("vt-application", NULL, NULL,
                         VT_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, VtPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, VtPreferencesWindow, backups_keep_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected);
}

static void
vt_preferences_window_init (VtPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
