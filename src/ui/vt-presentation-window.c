/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-presentation-window.c: a round's slides, full screen.
 *
 * A thin window over VtSlideDeck (src/charts): it reads the round through
 * the store's asynchronous API, draws the slide that is shown, moves on
 * the keys presentation clickers send, and saves the handout in a
 * worker thread.
 */

#define G_LOG_DOMAIN "vt-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "vt-format.h"
#include "vt-presentation-state.h"
#include "vt-presentation-window.h"
#include "vt-slide-deck.h"

/* How long the toolbar stays after the pointer last moved. */
#define TOOLBAR_TIMEOUT_SECONDS 3

struct _VtPresentationWindow
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkDrawingArea *area;
  GtkRevealer    *toolbar_revealer;
  GtkLabel       *counter_label;

  GSettings      *settings;
  VtStore        *store;
  gint64          round_id;
  GCancellable   *cancellable;
  VtRoundStats   *stats;
  VtSlideDeck    *deck;
  VtChartStyle   *style;
  guint           slide;
  gboolean        hide_sensitive;
  guint           toolbar_timeout_id;
  double          pointer_x;
  double          pointer_y;
};

G_DEFINE_FINAL_TYPE (VtPresentationWindow, vt_presentation_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HIDE_SENSITIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (VtPresentationWindow *self)
{
  guint n = self->deck != NULL ? vt_slide_deck_get_n_slides (self->deck) : 0;
  g_autofree char *current = vt_format_integer (NULL, n > 0 ? self->slide + 1 : 0);
  g_autofree char *total = vt_format_integer (NULL, n);
  /* Translators: the slide counter, "3 / 23" */
  g_autofree char *counter = g_strdup_printf (C_("slide counter", "%s / %s"), current, total);
  const char *language = vt_format_get_language ();
  g_autofree char *title = NULL;

  gtk_label_set_label (self->counter_label, counter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slides.previous", n > 0 && self->slide > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slides.next", n > 0 && self->slide + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slides.save-handout", n > 0);

  if (n > 0)
    {
      /* The slide's title, for screen readers, in the interface's language. */
      title = vt_slide_deck_get_title (self->deck, self->slide, g_str_equal (language, "en") ? "en" : language);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
go_to (VtPresentationWindow *self,
       VtSlideMove           move)
{
  guint n = self->deck != NULL ? vt_slide_deck_get_n_slides (self->deck) : 0;

  if (move == VT_SLIDE_MOVE_LEAVE)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  self->slide = vt_slide_move_apply (move, self->slide, n);
  update (self);
}

static void
draw_slide (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  VtPresentationWindow *self = user_data;
  double w = width, h = height;

  /* Letterboxed to 16:9, like the projector and the handout. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  if (self->deck == NULL || width <= 0 || height <= 0)
    return;
  if (w / h > 16.0 / 9.0)
    w = h * 16.0 / 9.0;
  else
    h = w * 9.0 / 16.0;

  cairo_translate (cr, floor ((width - w) / 2), floor ((height - h) / 2));
  vt_slide_deck_draw (self->deck, self->slide, cr, w, h, self->style);
}

static gboolean
hide_toolbar (gpointer user_data)
{
  VtPresentationWindow *self = user_data;

  self->toolbar_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->toolbar_revealer, FALSE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->area), "none");
  return G_SOURCE_REMOVE;
}

static void
show_toolbar (VtPresentationWindow *self)
{
  gtk_revealer_set_reveal_child (self->toolbar_revealer, TRUE);
  gtk_widget_set_cursor (GTK_WIDGET (self->area), NULL);
  g_clear_handle_id (&self->toolbar_timeout_id, g_source_remove);
  self->toolbar_timeout_id = g_timeout_add_seconds (TOOLBAR_TIMEOUT_SECONDS, hide_toolbar, self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           VtPresentationWindow     *self)
{
  /* Some servers send motion without movement when a window maps. */
  if (ABS (x - self->pointer_x) < 1 && ABS (y - self->pointer_y) < 1)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  show_toolbar (self);
}

/**
 * vt_presentation_window_press_key:
 * @keyval: a key, as a presentation clicker or the keyboard sends it
 *
 * What a key press does; the key controller calls it, and tests too.
 *
 * Returns: whether the key moved, left or did anything
 */
gboolean
vt_presentation_window_press_key (VtPresentationWindow *self,
                                  guint                 keyval,
                                  GdkModifierType       state)
{
  VtSlideMove move = vt_slide_move_for_key (keyval, state);

  g_return_val_if_fail (VT_IS_PRESENTATION_WINDOW (self), FALSE);

  if (move != VT_SLIDE_MOVE_NONE)
    {
      go_to (self, move);
      return TRUE;
    }
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0 && (keyval == GDK_KEY_h || keyval == GDK_KEY_H))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "slides.hide-sensitive", NULL);
      return TRUE;
    }
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0 && (keyval == GDK_KEY_l || keyval == GDK_KEY_L))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "slides.swap-languages", NULL);
      return TRUE;
    }
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VtPresentationWindow  *self)
{
  /* Let the toolbar's buttons take space and Return when they have the
   * focus; everywhere else the keys move the slides. */
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && GTK_IS_BUTTON (focus) && gtk_revealer_get_child_revealed (self->toolbar_revealer) &&
      (keyval == GDK_KEY_space || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    return FALSE;
  return vt_presentation_window_press_key (self, keyval, state);
}

static void
stats_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VtPresentationWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtRoundStats) stats = vt_store_get_round_stats_finish (VT_STORE (object), result, &error);
  g_autofree char *languages = g_settings_get_string (self->settings, "slide-languages");
  const char *primary, *secondary;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (stats == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->stats = g_steal_pointer (&stats);
  /* The order chosen last, or the interface's language in large type. */
  vt_slide_languages_resolve (languages, vt_format_get_language (), &primary, &secondary);
  self->deck = vt_slide_deck_new (self->stats, primary, secondary);
  vt_slide_deck_set_hide_sensitive (self->deck, self->hide_sensitive);
  self->slide = 0;
  gtk_stack_set_visible_child_name (self->stack, "slides");
  gtk_widget_grab_focus (GTK_WIDGET (self->area));
  update (self);
}

static void
rounds_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VtPresentationWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = vt_store_list_rounds_finish (VT_STORE (object), result, &error);
  VtRound *found = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rounds == NULL)
    {
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  /* The current round, or else the latest one. */
  for (guint i = 0; i < rounds->len; i++)
    {
      VtRound *r = g_ptr_array_index (rounds, i);

      if (r->is_current || found == NULL || r->year > found->year ||
          (r->year == found->year && r->id > found->id && !found->is_current))
        if (found == NULL || !found->is_current)
          found = r;
    }
  if (found == NULL)
    {
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, _("There is no round to present yet."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->round_id = found->id;
  vt_store_get_round_stats_async (self->store, self->round_id, self->cancellable, stats_cb, g_object_ref (self));
}

static void
load (VtPresentationWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  if (self->round_id > 0)
    vt_store_get_round_stats_async (self->store, self->round_id, self->cancellable, stats_cb, g_object_ref (self));
  else
    vt_store_list_rounds_async (self->store, self->cancellable, rounds_cb, g_object_ref (self));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtPresentationWindow *self = VT_PRESENTATION_WINDOW (widget);

  if (g_str_equal (action_name, "slides.previous"))
    go_to (self, VT_SLIDE_MOVE_PREVIOUS);
  else if (g_str_equal (action_name, "slides.next"))
    go_to (self, VT_SLIDE_MOVE_NEXT);
  else if (g_str_equal (action_name, "slides.first"))
    go_to (self, VT_SLIDE_MOVE_FIRST);
  else if (g_str_equal (action_name, "slides.last"))
    go_to (self, VT_SLIDE_MOVE_LAST);
  else
    go_to (self, VT_SLIDE_MOVE_LEAVE);
}

static void
swap_languages_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VtPresentationWindow *self = VT_PRESENTATION_WINDOW (widget);
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  if (self->deck == NULL)
    return;
  primary = g_strdup (vt_slide_deck_get_language (self->deck, 1));
  secondary = g_strdup (vt_slide_deck_get_language (self->deck, 0));
  vt_slide_deck_set_languages (self->deck, primary, secondary);
  /* The next presentation and handout keep the order. */
  g_settings_set_string (self->settings, "slide-languages", vt_slide_languages_setting (primary));
  update (self);
}

static void
handout_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VtPresentationWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_slide_deck_write_pdf_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Handout"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
save_response_cb (GtkNativeDialog      *dialog,
                  int                   response,
                  VtPresentationWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || self->deck == NULL)
    return;

  vt_slide_deck_write_pdf_async (self->deck, file, self->cancellable, handout_written_cb, g_object_ref (self));
}

static void
save_handout_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtPresentationWindow *self = VT_PRESENTATION_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->stats == NULL)
    return;

  /* Leave full screen: a file chooser over a projector is lost. */
  gtk_window_unfullscreen (GTK_WINDOW (self));
  dialog = gtk_file_chooser_native_new (_("Save Handout"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = vt_slide_handout_file_name (self->stats->round->name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
vt_presentation_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VtPresentationWindow *self = VT_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HIDE_SENSITIVE:
      g_value_set_boolean (value, self->hide_sensitive);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_presentation_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  VtPresentationWindow *self = VT_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HIDE_SENSITIVE:
      if (self->hide_sensitive == g_value_get_boolean (value))
        return;
      self->hide_sensitive = g_value_get_boolean (value);
      if (self->deck != NULL)
        vt_slide_deck_set_hide_sensitive (self->deck, self->hide_sensitive);
      update (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_presentation_window_dispose (GObject *object)
{
  VtPresentationWindow *self = VT_PRESENTATION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->toolbar_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_PRESENTATION_WINDOW);

  G_OBJECT_CLASS (vt_presentation_window_parent_class)->dispose (object);
}

static void
vt_presentation_window_finalize (GObject *object)
{
  VtPresentationWindow *self = VT_PRESENTATION_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->deck, vt_slide_deck_free);
  g_clear_pointer (&self->stats, vt_round_stats_unref);
  g_clear_pointer (&self->style, vt_chart_style_free);

  G_OBJECT_CLASS (vt_presentation_window_parent_class)->finalize (object);
}

static void
vt_presentation_window_class_init (VtPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vt_presentation_window_get_property;
  object_class->set_property = vt_presentation_window_set_property;
  object_class->dispose = vt_presentation_window_dispose;
  object_class->finalize = vt_presentation_window_finalize;

  properties[PROP_HIDE_SENSITIVE] =
    g_param_spec_boolean ("hide-sensitive", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VtPresentationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VtPresentationWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, VtPresentationWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtPresentationWindow, area);
  gtk_widget_class_bind_template_child (widget_class, VtPresentationWindow, toolbar_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtPresentationWindow, counter_label);

  gtk_widget_class_install_action (widget_class, "slides.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "slides.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "slides.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "slides.last", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "slides.leave", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "slides.swap-languages", NULL, swap_languages_action);
  gtk_widget_class_install_action (widget_class, "slides.save-handout", NULL, save_handout_action);
  gtk_widget_class_install_property_action (widget_class, "slides.hide-sensitive", "hide-sensitive");
}

static void
vt_presentation_window_init (VtPresentationWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  /* Hidden on the slides stays hidden on the next ones and the handout. */
  g_settings_bind (self->settings, "slide-hide-sensitive", self, "hide-sensitive", G_SETTINGS_BIND_DEFAULT);
  self->style = vt_slide_deck_style_new (FALSE);
  self->pointer_x = self->pointer_y = -1;

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_drawing_area_set_draw_func (self->area, draw_slide, self, NULL);
  update (self);
}

/**
 * vt_presentation_window_new:
 * @parent: the window the presentation leaves back to
 * @store: the open database
 * @round_id: the round to present, or 0 for the current one
 *
 * Returns: (transfer none): a full-screen window presenting the round
 */
VtPresentationWindow *
vt_presentation_window_new (GtkWindow *parent,
                            VtStore   *store,
                            gint64     round_id)
{
  VtPresentationWindow *self;

  g_return_val_if_fail (VT_IS_STORE (store), NULL);

  self = g_object_new (VT_TYPE_PRESENTATION_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->round_id = round_id;
  load (self);
  show_toolbar (self);
  return self;
}

guint
vt_presentation_window_get_slide (VtPresentationWindow *self)
{
  g_return_val_if_fail (VT_IS_PRESENTATION_WINDOW (self), 0);
  return self->slide;
}

/* Returns: how many slides there are; 0 until the round is read */
guint
vt_presentation_window_get_n_slides (VtPresentationWindow *self)
{
  g_return_val_if_fail (VT_IS_PRESENTATION_WINDOW (self), 0);
  return self->deck != NULL ? vt_slide_deck_get_n_slides (self->deck) : 0;
}

gboolean
vt_presentation_window_get_hide_sensitive (VtPresentationWindow *self)
{
  g_return_val_if_fail (VT_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->hide_sensitive;
}

/* Returns: (nullable): the language in large type, once the round is read */
const char *
vt_presentation_window_get_language (VtPresentationWindow *self)
{
  g_return_val_if_fail (VT_IS_PRESENTATION_WINDOW (self), NULL);
  return self->deck != NULL ? vt_slide_deck_get_language (self->deck, 0) : NULL;
}
