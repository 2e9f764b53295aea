/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vt-supplier-profile"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "vt-report-documents.h"
#include "vt-report-print.h"
#include "vt-round-charts.h"
#include "vt-stage-dialog.h"
#include "vt-supplier-charts.h"
#include "vt-date-row.h"
#include "vt-supplier-profile.h"
#include "vt-format.h"
#include "vt-supplier-assessments.h"
#include "vt-supplier-profile-state.h"

/* The page of one supplier: every profile field, always editable, with a
 * Save/Cancel bar that appears once something changed. The record read
 * from the store (original) is never touched; the rows edit a deep copy
 * (edited), and the page is dirty while the two differ. Attachments and
 * stage moves are separate records and are written at once. */

typedef enum
{
  FIELD_TEXT,
  FIELD_REQUIRED,
  FIELD_NAME_VI,
  FIELD_TAX_CODE,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_YEAR,
  FIELD_COUNT,
  FIELD_DATE,
} FieldKind;

typedef void (*SummaryFunc) (GtkWidget *summary,
                             gpointer   record);

/* Ties an entry row to one member of a record. A NULL record means the
 * supplier being edited, which is replaced when the page reloads. */
typedef struct
{
  VtSupplierProfile *page;
  FieldKind       kind;
  gpointer        record;
  gsize           offset;
  GtkWidget      *message;
  GtkWidget      *summary;
  SummaryFunc     summary_func;
} Binding;

struct _VtSupplierProfile
{
  GtkWidget            parent_instance;

  GtkRevealer         *save_revealer;
  GtkLabel            *save_label;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *scroller;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *stage_label;
  GtkLabel            *readiness_label;
  GtkWidget           *sections;
  AdwEntryRow         *name_vi_row;
  AdwEntryRow         *name_en_row;
  AdwEntryRow         *name_ko_row;
  AdwEntryRow         *tax_code_row;
  AdwEntryRow         *code_row;
  AdwComboRow         *province_row;
  AdwComboRow         *old_province_row;
  AdwEntryRow         *zone_row;
  AdwEntryRow         *address_row;
  AdwComboRow         *sector_row;
  AdwComboRow         *ownership_row;
  AdwEntryRow         *founded_row;
  AdwEntryRow         *employees_row;
  AdwEntryRow         *revenue_row;
  AdwEntryRow         *products_row;
  AdwPreferencesGroup *certifications_group;
  AdwPreferencesGroup *customers_group;
  AdwPreferencesGroup *contacts_group;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *attachments_group;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *visits_group;
  VtSupplierAssessments *assessments;
  VtSupplierCharts    *supplier_charts;
  GtkTextView         *notes_view;

  VtStore             *store;
  GCancellable        *cancellable;
  VtSupplier          *original;
  VtSupplier          *edited;
  GPtrArray           *provinces_2025;     /* VtProvince */
  GPtrArray           *provinces_pre2025;
  GHashTable          *invalid;            /* GtkWidget → NULL */
  char                *title;
  gint64               new_round_id;

  guint                populating : 1;
  guint                saving : 1;
  guint                dirty : 1;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  SIGNAL_DELETE_REQUESTED,
  SIGNAL_CLOSE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VtSupplierProfile, vt_supplier_profile, GTK_TYPE_WIDGET)

static void populate (VtSupplierProfile *self);
static void rebuild_certifications (VtSupplierProfile *self);
static void rebuild_customers (VtSupplierProfile *self);
static void rebuild_contacts (VtSupplierProfile *self);
static void load_lists (VtSupplierProfile *self);

/* Helpers ---------------------------------------------------------------- */

static const char *
ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ko"))
        return "ko";
      if (g_str_has_prefix (names[i], "vi"))
        return "vi";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return "en";
    }
  return "en";
}

static const char *
thousands_sep (void)
{
  const char *sep = localeconv ()->thousands_sep;

  return sep != NULL ? sep : "";
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = zone ? g_date_time_to_timezone (time, zone) : g_date_time_to_local (time);
  return g_date_time_format (local, "%x %H:%M");
}

static void
clear_group (VtSupplierProfile      *self,
             AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "vt-rows");
  GHashTableIter iter;
  gpointer widget;

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (group), "vt-rows", rows, (GDestroyNotify) g_ptr_array_unref);
    }

  /* Rows that go away take their errors with them. */
  g_hash_table_iter_init (&iter, self->invalid);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    if (gtk_widget_is_ancestor (widget, GTK_WIDGET (group)))
      g_hash_table_iter_remove (&iter);

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
group_add (AdwPreferencesGroup *group,
           GtkWidget           *row)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "vt-rows");

  g_assert (rows != NULL);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static void
add_placeholder (AdwPreferencesGroup *group,
                 const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  group_add (group, row);
}

/* State ------------------------------------------------------------------ */

static void
update_state (VtSupplierProfile *self)
{
  gboolean read_only = self->store == NULL || vt_store_is_read_only (self->store);
  /* A field left invalid is a change too: what it shows is not saved. */
  gboolean dirty = self->edited != NULL && self->original != NULL
                   && (!vt_supplier_equal (self->original, self->edited)
                       || g_hash_table_size (self->invalid) > 0);
  gboolean saved = self->original != NULL && self->original->uuid != NULL;
  gboolean is_new = self->original != NULL && !saved;
  gboolean can_save;

  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  can_save = vt_supplier_profile_get_can_save (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", (dirty || is_new) && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-attachment", saved && !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.move-stage", saved && !read_only && !dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", saved && !read_only);
  /* The sheet shows what is stored: save first. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.print", saved && !dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-certification", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-customer", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-contact", !read_only);

  gtk_label_set_label (self->save_label, is_new ? _("New supplier, not saved yet") : _("Unsaved changes"));
  gtk_revealer_set_reveal_child (self->save_revealer, dirty || is_new);
}

static void
set_title (VtSupplierProfile *self,
           const char     *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
update_header (VtSupplierProfile *self)
{
  VtSupplier *s = self->edited;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *name = s->name_vi && *s->name_vi ? s->name_vi : _("New Supplier");

  gtk_label_set_label (self->title_label, name);
  set_title (self, name);

  for (const char *other[] = { s->name_ko, s->name_en, NULL }, **p = other; *p != NULL; p++)
    if (**p != '\0')
      g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", *p);
  gtk_label_set_label (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);

  gtk_label_set_label (self->stage_label, vt_stage_get_display_name (s->stage));
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), s->uuid != NULL);

  if (s->readiness >= 0)
    {
      g_autofree char *index = vt_format_decimal (NULL, s->readiness, 0);
      /* Translators: the readiness index of a supplier, 0-100, already
       * formatted. */
      g_autofree char *text = g_strdup_printf (_("Readiness %s"), index);

      gtk_label_set_label (self->readiness_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->readiness_label), s->readiness >= 0);
}

/* Fields ----------------------------------------------------------------- */

static const char *
check_field (Binding    *b,
             const char *text,
             gpointer    value)
{
  switch (b->kind)
    {
    case FIELD_REQUIRED:
      return text[0] == '\0' ? _("Required") : NULL;
    case FIELD_NAME_VI:
      return vt_check_name_vi (text);
    case FIELD_TAX_CODE:
      return vt_check_tax_code (text);
    case FIELD_EMAIL:
      return vt_check_email (text);
    case FIELD_PHONE:
      return vt_check_phone (text);
    case FIELD_YEAR:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();

        return vt_check_year (text, g_date_time_get_year (now), value);
      }
    case FIELD_COUNT:
      return vt_check_count (text, thousands_sep (), value);
    case FIELD_DATE:
      return vt_check_date (text, value);
    case FIELD_TEXT:
    default:
      return NULL;
    }
}

static void
set_invalid (VtSupplierProfile *self,
             GtkWidget      *row,
             GtkWidget      *message,
             const char     *text)
{
  if (text != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      g_hash_table_add (self->invalid, row);
      gtk_label_set_label (GTK_LABEL (message), text);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      g_hash_table_remove (self->invalid, row);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (message, text != NULL);
}

static void
on_field_changed (GtkEditable *row,
                  Binding     *b)
{
  VtSupplierProfile *self = b->page;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (row)));
  gpointer record = b->record ? b->record : self->edited;
  gpointer member = G_STRUCT_MEMBER_P (record, b->offset);
  GDate date;
  gint64 count = -1;
  int year = 0;
  gpointer value = b->kind == FIELD_DATE ? (gpointer) &date
                   : b->kind == FIELD_COUNT ? (gpointer) &count
                   : b->kind == FIELD_YEAR ? (gpointer) &year : NULL;
  const char *problem;

  if (self->populating || record == NULL)
    return;

  problem = check_field (b, text, value);
  set_invalid (self, GTK_WIDGET (row), b->message, problem);

  if (problem == NULL)
    {
      switch (b->kind)
        {
        case FIELD_YEAR:
          *(int *) member = year;
          break;
        case FIELD_COUNT:
          *(gint64 *) member = count;
          break;
        case FIELD_DATE:
          *(GDate *) member = date;
          break;
        case FIELD_TEXT:
        case FIELD_REQUIRED:
        case FIELD_NAME_VI:
        case FIELD_TAX_CODE:
        case FIELD_EMAIL:
        case FIELD_PHONE:
        default:
          g_free (*(char **) member);
          *(char **) member = text[0] != '\0' ? g_utf8_normalize (text, -1, G_NORMALIZE_NFC) : NULL;
          break;
        }
    }

  if (b->summary != NULL)
    b->summary_func (b->summary, record);
  if (b->record == NULL)
    update_header (self);
  update_state (self);
}

static char *
field_text (Binding *b,
            gpointer record)
{
  gpointer member = G_STRUCT_MEMBER_P (record, b->offset);

  switch (b->kind)
    {
    case FIELD_YEAR:
      return *(int *) member > 0 ? g_strdup_printf ("%d", *(int *) member) : g_strdup ("");
    case FIELD_COUNT:
      return *(gint64 *) member >= 0 ? vt_format_number (*(gint64 *) member, thousands_sep ()) : g_strdup ("");
    case FIELD_DATE:
      return vt_format_date_entry (member);
    case FIELD_TEXT:
    case FIELD_REQUIRED:
    case FIELD_NAME_VI:
    case FIELD_TAX_CODE:
    case FIELD_EMAIL:
    case FIELD_PHONE:
    default:
      return g_strdup (*(char **) member ? *(char **) member : "");
    }
}

/* Shows the record's value in the row without counting it as an edit. */
static void
show_field (VtSupplierProfile *self,
            AdwEntryRow    *row)
{
  Binding *b = g_object_get_data (G_OBJECT (row), "vt-binding");
  g_autofree char *text = field_text (b, b->record ? b->record : self->edited);
  gboolean was_populating = self->populating;

  self->populating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->populating = was_populating;
  set_invalid (self, GTK_WIDGET (row), b->message, NULL);

  /* A new child (an empty certificate) says at once what it still needs. */
  if (b->record != NULL && b->kind == FIELD_REQUIRED && text[0] == '\0')
    set_invalid (self, GTK_WIDGET (row), b->message, _("Required"));
}

static void
bind_row (VtSupplierProfile *self,
          AdwEntryRow    *row,
          FieldKind       kind,
          gpointer        record,
          gsize           offset)
{
  Binding *b = g_new0 (Binding, 1);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_widget_add_css_class (message, "caption");
  gtk_widget_add_css_class (message, "error");
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 28);
  gtk_label_set_xalign (GTK_LABEL (message), 1);
  gtk_widget_set_visible (message, FALSE);
  adw_entry_row_add_suffix (row, message);

  b->page = self;
  b->kind = kind;
  b->record = record;
  b->offset = offset;
  b->message = message;
  g_object_set_data_full (G_OBJECT (row), "vt-binding", b, g_free);
  g_signal_connect (row, "changed", G_CALLBACK (on_field_changed), b);
}

static AdwEntryRow *
new_child_row (VtSupplierProfile *self,
               AdwExpanderRow *expander,
               const char     *title,
               FieldKind       kind,
               gpointer        record,
               gsize           offset,
               SummaryFunc     summary_func)
{
  /* Dates are typed, or picked on a calendar. */
  AdwEntryRow *row = ADW_ENTRY_ROW (kind == FIELD_DATE ? vt_date_row_new () : adw_entry_row_new ());
  Binding *b;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  bind_row (self, row, kind, record, offset);
  b = g_object_get_data (G_OBJECT (row), "vt-binding");
  b->summary = GTK_WIDGET (expander);
  b->summary_func = summary_func;
  if (kind == FIELD_PHONE)
    gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 20);
  if (kind == FIELD_PHONE)
    g_object_set (row, "input-purpose", GTK_INPUT_PURPOSE_PHONE, NULL);
  else if (kind == FIELD_EMAIL)
    g_object_set (row, "input-purpose", GTK_INPUT_PURPOSE_EMAIL, NULL);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  show_field (self, row);
  return row;
}

static void
add_remove_row (AdwExpanderRow *expander,
                const char     *label,
                const char     *action,
                guint           index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (expander, row);
}

/* Certifications ----------------------------------------------------------- */

static void
certification_summary (GtkWidget *widget,
                       gpointer   record)
{
  VtCertification *c = record;
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (widget);
  GtkLabel *badge = g_object_get_data (G_OBJECT (widget), "vt-badge");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = vt_format_date_entry (&c->expires_on);
  g_autofree char *state_text = NULL;
  g_autofree char *subtitle = NULL;
  GDate today;
  int days_left;
  VtExpiryState state;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  state = vt_expiry_state (&c->expires_on, &today, &days_left);
  state_text = vt_expiry_describe (state, days_left);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 c->standard && *c->standard ? c->standard : _("New certification"));
  if (g_date_valid (&c->expires_on))
    /* Translators: %s is a date. */
    subtitle = g_strdup_printf (_("Valid until %s"), date);
  adw_expander_row_set_subtitle (expander, subtitle ? subtitle : (c->certificate_no ? c->certificate_no : ""));

  gtk_label_set_label (badge, state_text);
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (badge),
                            state == VT_EXPIRY_EXPIRED ? "error"
                            : state == VT_EXPIRY_SOON ? "warning"
                            : state == VT_EXPIRY_VALID ? "success" : "dim-label");
}

static void
rebuild_certifications (VtSupplierProfile *self)
{
  GPtrArray *certs = self->edited->certifications;

  clear_group (self, self->certifications_group);
  if (certs->len == 0)
    add_placeholder (self->certifications_group, _("No certifications recorded"));

  for (guint i = 0; i < certs->len; i++)
    {
      VtCertification *c = g_ptr_array_index (certs, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *badge = gtk_label_new (NULL);

      gtk_widget_add_css_class (badge, "vt-stage-chip");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), badge);
      g_object_set_data (G_OBJECT (expander), "vt-badge", badge);

      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Standard"), FIELD_REQUIRED, c,
                     G_STRUCT_OFFSET (VtCertification, standard), certification_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Certificate number"), FIELD_TEXT, c,
                     G_STRUCT_OFFSET (VtCertification, certificate_no), certification_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Issued by"), FIELD_TEXT, c,
                     G_STRUCT_OFFSET (VtCertification, issuer), certification_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Issued on"), FIELD_DATE, c,
                     G_STRUCT_OFFSET (VtCertification, issued_on), certification_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Expires on"), FIELD_DATE, c,
                     G_STRUCT_OFFSET (VtCertification, expires_on), certification_summary);
      add_remove_row (ADW_EXPANDER_ROW (expander), _("_Remove Certification"), "page.remove-certification", i);
      certification_summary (expander, c);
      group_add (self->certifications_group, expander);
    }
}

/* Korean customers ------------------------------------------------------- */

static void
customer_summary (GtkWidget *widget,
                  gpointer   record)
{
  VtCustomer *c = record;
  g_autofree char *since = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget),
                                 c->name && *c->name ? c->name : _("New customer"));
  if (c->since_year > 0)
    /* Translators: a Korean customer has bought from the supplier since
     * this year. */
    since = g_strdup_printf (_("Customer since %d"), c->since_year);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (widget), since ? since : "");
}

static void
rebuild_customers (VtSupplierProfile *self)
{
  GPtrArray *customers = self->edited->customers;

  clear_group (self, self->customers_group);
  if (customers->len == 0)
    add_placeholder (self->customers_group, _("No Korean customers recorded"));

  for (guint i = 0; i < customers->len; i++)
    {
      VtCustomer *c = g_ptr_array_index (customers, i);
      GtkWidget *expander = adw_expander_row_new ();

      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Company name"), FIELD_REQUIRED, c,
                     G_STRUCT_OFFSET (VtCustomer, name), customer_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Customer since (year)"), FIELD_YEAR, c,
                     G_STRUCT_OFFSET (VtCustomer, since_year), customer_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Notes"), FIELD_TEXT, c,
                     G_STRUCT_OFFSET (VtCustomer, notes), customer_summary);
      add_remove_row (ADW_EXPANDER_ROW (expander), _("_Remove Customer"), "page.remove-customer", i);
      customer_summary (expander, c);
      group_add (self->customers_group, expander);
    }
}

/* Contacts --------------------------------------------------------------- */

static void
contact_summary (GtkWidget *widget,
                 gpointer   record)
{
  VtContact *c = record;
  g_autofree char *name = vt_contact_dup_full_name (c);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), *name ? name : _("New contact"));
  for (const char *parts[] = { c->role, c->phone, c->email, NULL }, **p = parts; *p != NULL; p++)
    if (**p != '\0')
      g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", *p);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (widget), subtitle->str);
}

static void
rebuild_contacts (VtSupplierProfile *self)
{
  GPtrArray *contacts = self->edited->contacts;

  clear_group (self, self->contacts_group);
  if (contacts->len == 0)
    add_placeholder (self->contacts_group, _("No contacts recorded"));

  for (guint i = 0; i < contacts->len; i++)
    {
      VtContact *c = g_ptr_array_index (contacts, i);
      GtkWidget *expander = adw_expander_row_new ();

      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Family name"), FIELD_TEXT, c,
                     G_STRUCT_OFFSET (VtContact, family_name), contact_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Middle name"), FIELD_TEXT, c,
                     G_STRUCT_OFFSET (VtContact, middle_name), contact_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Given name"), FIELD_REQUIRED, c,
                     G_STRUCT_OFFSET (VtContact, given_name), contact_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Role"), FIELD_TEXT, c,
                     G_STRUCT_OFFSET (VtContact, role), contact_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Phone"), FIELD_PHONE, c,
                     G_STRUCT_OFFSET (VtContact, phone), contact_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("E-mail"), FIELD_EMAIL, c,
                     G_STRUCT_OFFSET (VtContact, email), contact_summary);
      new_child_row (self, ADW_EXPANDER_ROW (expander), _("Languages"), FIELD_TEXT, c,
                     G_STRUCT_OFFSET (VtContact, languages), contact_summary);
      add_remove_row (ADW_EXPANDER_ROW (expander), _("_Remove Contact"), "page.remove-contact", i);
      contact_summary (expander, c);
      group_add (self->contacts_group, expander);
    }
}

/* Provinces and choices ---------------------------------------------------- */

static GtkStringList *
province_names (GPtrArray *provinces)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  /* Translators: a province that is not known or not set. */
  gtk_string_list_append (names, C_("province", "Not set"));
  for (guint i = 0; provinces != NULL && i < provinces->len; i++)
    gtk_string_list_append (names, vt_province_display_name (g_ptr_array_index (provinces, i), ui_language ()));
  return names;
}

static guint
province_index (GPtrArray  *provinces,
                const char *code)
{
  for (guint i = 0; code != NULL && provinces != NULL && i < provinces->len; i++)
    if (g_strcmp0 (((VtProvince *) g_ptr_array_index (provinces, i))->code, code) == 0)
      return i + 1;
  return 0;
}

static const char *
province_code_at (GPtrArray *provinces,
                  guint      index)
{
  if (index == 0 || provinces == NULL || index > provinces->len)
    return NULL;
  return ((VtProvince *) g_ptr_array_index (provinces, index - 1))->code;
}

static void
show_province (VtSupplierProfile *self)
{
  VtSupplier *s = self->edited;
  gboolean old = g_strcmp0 (s->province_list, "pre2025") == 0 && s->province_code != NULL;
  guint old_index = old ? province_index (self->provinces_pre2025, s->province_code) : 0;
  const char *current = s->province_code;

  if (old && old_index > 0)
    current = ((VtProvince *) g_ptr_array_index (self->provinces_pre2025, old_index - 1))->successor_code;

  adw_combo_row_set_selected (self->old_province_row, old_index);
  adw_combo_row_set_selected (self->province_row,
                              province_index (self->provinces_2025, old ? current : s->province_code));
}

static void
on_province_selected (VtSupplierProfile *self,
                      GParamSpec     *pspec,
                      AdwComboRow    *row)
{
  const char *code_2025, *code_old, *list_id, *code;

  if (self->populating || self->edited == NULL)
    return;

  code_2025 = province_code_at (self->provinces_2025, adw_combo_row_get_selected (self->province_row));
  code_old = province_code_at (self->provinces_pre2025, adw_combo_row_get_selected (self->old_province_row));

  self->populating = TRUE;
  if (row == self->old_province_row && code_old != NULL)
    {
      /* The current unit follows from the former one. */
      VtProvince *p = g_ptr_array_index (self->provinces_pre2025,
                                         adw_combo_row_get_selected (self->old_province_row) - 1);

      adw_combo_row_set_selected (self->province_row, province_index (self->provinces_2025, p->successor_code));
    }
  else if (row == self->province_row && code_old != NULL)
    {
      VtProvince *p = g_ptr_array_index (self->provinces_pre2025,
                                         adw_combo_row_get_selected (self->old_province_row) - 1);

      /* Choosing another current unit means the former one was wrong. */
      if (g_strcmp0 (p->successor_code, code_2025) != 0)
        {
          adw_combo_row_set_selected (self->old_province_row, 0);
          code_old = NULL;
        }
    }
  self->populating = FALSE;

  vt_province_choice_resolve (code_2025, code_old, &list_id, &code);
  g_free (self->edited->province_list);
  self->edited->province_list = g_strdup (list_id);
  g_free (self->edited->province_code);
  self->edited->province_code = g_strdup (code);
  update_state (self);
}

static void
on_choice_selected (VtSupplierProfile *self,
                    GParamSpec     *pspec,
                    AdwComboRow    *row)
{
  if (self->populating || self->edited == NULL)
    return;

  if (row == self->sector_row)
    self->edited->sector = adw_combo_row_get_selected (row);
  else
    self->edited->ownership = adw_combo_row_get_selected (row);
  update_state (self);
}

static void
on_notes_changed (VtSupplierProfile *self,
                  GtkTextBuffer  *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->populating || self->edited == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_free (self->edited->notes);
  self->edited->notes = *g_strstrip (text) ? g_utf8_normalize (text, -1, G_NORMALIZE_NFC) : NULL;
  update_state (self);
}

/* Showing a supplier ------------------------------------------------------ */

static void
populate (VtSupplierProfile *self)
{
  AdwEntryRow *rows[] = {
    self->name_vi_row, self->name_en_row, self->name_ko_row, self->tax_code_row, self->code_row,
    self->zone_row, self->address_row, self->founded_row, self->employees_row, self->revenue_row,
    self->products_row,
  };

  self->populating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    show_field (self, rows[i]);
  adw_combo_row_set_selected (self->sector_row, self->edited->sector);
  adw_combo_row_set_selected (self->ownership_row, self->edited->ownership);
  show_province (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            self->edited->notes ? self->edited->notes : "", -1);
  self->populating = FALSE;

  rebuild_certifications (self);
  rebuild_customers (self);
  rebuild_contacts (self);
  update_header (self);
  update_state (self);
}

static void
show_supplier (VtSupplierProfile *self,
               VtSupplier     *supplier)
{
  g_clear_pointer (&self->original, vt_supplier_unref);
  g_clear_pointer (&self->edited, vt_supplier_unref);
  self->original = vt_supplier_ref (supplier);
  self->edited = vt_supplier_dup_profile (supplier);
  g_hash_table_remove_all (self->invalid);

  populate (self);
  gtk_stack_set_visible_child_name (self->stack, "profile");
  load_lists (self);
}

static void
got_supplier_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplier) supplier = vt_store_get_supplier_finish (VT_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (supplier == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_supplier (self, supplier);
}

static void
restart (VtSupplierProfile *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->saving = FALSE;
}

void
vt_supplier_profile_load (VtSupplierProfile *self,
                       const char     *uuid)
{
  g_return_if_fail (VT_IS_SUPPLIER_PROFILE (self));
  g_return_if_fail (self->store != NULL);

  restart (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->spinner, TRUE);
  vt_store_get_supplier_async (self->store, uuid, self->cancellable, got_supplier_cb, g_object_ref (self));
  /* The radar and progress charts read on their own, and reload each
   * time the supplier is opened so they show its latest assessment. */
  vt_supplier_charts_set_store (self->supplier_charts, self->store);
  if (g_strcmp0 (vt_supplier_charts_get_uuid (self->supplier_charts), uuid) == 0)
    vt_supplier_charts_reload (self->supplier_charts);
  else
    vt_supplier_charts_set_uuid (self->supplier_charts, uuid);
}

/**
 * vt_supplier_profile_create:
 *
 * Shows an empty profile for a new supplier in the current round. It is
 * written to the store only by Save.
 */
void
vt_supplier_profile_create (VtSupplierProfile *self)
{
  g_autoptr(VtSupplier) supplier = vt_supplier_new ();

  g_return_if_fail (VT_IS_SUPPLIER_PROFILE (self));

  restart (self);
  vt_supplier_charts_set_uuid (self->supplier_charts, NULL);
  supplier->round_id = self->new_round_id;
  show_supplier (self, supplier);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_vi_row));
}

/* Lists of other records ------------------------------------------------- */

/* The common start of showing a list that arrived from the store: FALSE
 * when there is nothing to add (cancelled, or failed with a message). */
static gboolean
begin_list (VtSupplierProfile   *self,
            AdwPreferencesGroup *group,
            GPtrArray           *items,
            const GError        *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  clear_group (self, group);
  if (items == NULL)
    {
      add_placeholder (group, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
got_history_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = vt_store_list_stage_history_finish (VT_STORE (object), result, &error);

  if (!begin_list (self, self->history_group, history, error))
    return;

  /* Newest first: the timeline reads from where the dossier is now. */
  for (guint i = history->len; i > 0; i--)
    {
      VtStageChange *c = g_ptr_array_index (history, i - 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dot = gtk_image_new_from_icon_name (i == history->len ? "media-record-symbolic"
                                                                        : "radio-symbolic");
      g_autofree char *when = format_time (c->at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (c->from < 0)
        title = g_strdup (vt_stage_get_display_name (c->to));
      else
        /* Translators: a stage change, "from → to". */
        title = g_strdup_printf (_("%s → %s"), vt_stage_get_display_name (c->from),
                                 vt_stage_get_display_name (c->to));
      if (c->reason != NULL && *c->reason != '\0')
        /* Translators: when, who, and the reason of a stage change. */
        subtitle = g_strdup_printf (_("%s · %s\n%s"), when, c->who, c->reason);
      else
        subtitle = g_strdup_printf (_("%s · %s"), when, c->who);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (dot, i == history->len ? "accent" : "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
      group_add (self->history_group, row);
    }
  if (history->len == 0)
    add_placeholder (self->history_group, _("No stage changes yet"));
}

static void
got_visits_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) visits = vt_store_list_visits_finish (VT_STORE (object), result, &error);

  if (!begin_list (self, self->visits_group, visits, error))
    return;

  for (guint i = 0; i < visits->len; i++)
    {
      VtVisit *v = g_ptr_array_index (visits, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_label_new (vt_visit_status_get_display_name (v->status));
      g_autofree char *when = format_time (v->starts_at);
      g_autofree char *subtitle = v->place && *v->place
        ? g_strdup_printf (_("%s · %s"), when, v->place) : g_strdup (when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vt_visit_kind_get_display_name (v->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (status, "vt-stage-chip");
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      group_add (self->visits_group, row);
    }
  if (visits->len == 0)
    add_placeholder (self->visits_group, _("No visits planned"));
}

/* Attachments ------------------------------------------------------------ */

static void
got_thumbnail_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(VtAttachment) attachment = vt_store_get_attachment_finish (VT_STORE (object), result, NULL);
  g_autoptr(GdkTexture) texture = NULL;

  if (attachment == NULL || attachment->data == NULL)
    return;
  texture = gdk_texture_new_from_bytes (attachment->data, NULL);
  if (texture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static void
got_attachments_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attachments = vt_store_list_attachments_finish (VT_STORE (object), result, &error);
  gboolean read_only = vt_store_is_read_only (self->store);

  if (!begin_list (self, self->attachments_group, attachments, error))
    return;

  for (guint i = 0; i < attachments->len; i++)
    {
      VtAttachment *a = g_ptr_array_index (attachments, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *type = g_content_type_get_description (a->mime_type);
      g_autofree char *size = g_format_size (a->size);
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), type, size);
      GtkWidget *remove;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->filename);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (vt_attachment_is_image (a->mime_type))
        {
          GtkWidget *picture = gtk_picture_new ();

          gtk_widget_set_size_request (picture, 48, 48);
          gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
          gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
          gtk_widget_set_margin_top (picture, 6);
          gtk_widget_set_margin_bottom (picture, 6);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);
          vt_store_get_attachment_async (self->store, a->id, self->cancellable,
                                         got_thumbnail_cb, g_object_ref (picture));
        }
      else
        {
          g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (a->mime_type);

          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_gicon (icon));
        }

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-open-symbolic", _("Open"), "page.open-attachment", a->id));
      remove = icon_button ("user-trash-symbolic", _("Remove"), "page.remove-attachment", a->id);
      gtk_widget_set_sensitive (remove, !read_only);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data_full (G_OBJECT (row), "vt-filename", g_strdup (a->filename), g_free);
      g_object_set_data (G_OBJECT (row), "vt-id", GINT_TO_POINTER ((int) a->id));
      group_add (self->attachments_group, row);
    }
  if (attachments->len == 0)
    add_placeholder (self->attachments_group, _("No files attached"));
}

static void
load_attachments (VtSupplierProfile *self)
{
  vt_store_list_attachments_async (self->store, self->original->uuid, self->cancellable,
                                   got_attachments_cb, g_object_ref (self));
}

static void
load_lists (VtSupplierProfile *self)
{
  const char *uuid = self->original->uuid;
  AdwPreferencesGroup *groups[] = {
    self->history_group, self->visits_group, self->attachments_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    clear_group (self, groups[i]);

  /* The assessments list loads itself, and starts new assessments. */
  vt_supplier_assessments_set_store (self->assessments, self->store);
  vt_supplier_assessments_set_supplier_uuid (self->assessments, uuid);

  if (uuid == NULL)
    {
      add_placeholder (self->history_group, _("The history starts when the supplier is saved"));
      add_placeholder (self->visits_group, _("No visits planned"));
      add_placeholder (self->attachments_group, _("Save the supplier first to attach files"));
      return;
    }

  vt_store_list_stage_history_async (self->store, uuid, self->cancellable, got_history_cb, g_object_ref (self));
  vt_store_list_visits_async (self->store, uuid, NULL, NULL, self->cancellable, got_visits_cb, g_object_ref (self));
  load_attachments (self);
}

static void
show_message (VtSupplierProfile *self,
              const char     *heading,
              const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
attachment_added_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_store_add_attachment_finish (VT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Cannot Attach the File"), error->message);
      return;
    }
  load_attachments (self);
}

typedef struct
{
  VtSupplierProfile *page;
  char           *filename;
  char           *mime_type;
} AddAttachment;

static void
add_attachment_free (AddAttachment *add)
{
  g_object_unref (add->page);
  g_free (add->filename);
  g_free (add->mime_type);
  g_free (add);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AddAttachment *add = user_data;
  VtSupplierProfile *self = add->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (bytes == NULL)
    show_message (self, _("Cannot Attach the File"), error->message);
  else if (vt_attachment_check_size (g_bytes_get_size (bytes)) != NULL)
    show_message (self, _("The File Is Too Large"), vt_attachment_check_size (g_bytes_get_size (bytes)));
  else if (self->original != NULL && self->original->uuid != NULL)
    {
      g_autoptr(VtAttachment) attachment = vt_attachment_new (self->original->uuid, add->filename,
                                                              add->mime_type, bytes);

      vt_store_add_attachment_async (self->store, attachment, self->cancellable,
                                     attachment_added_cb, g_object_ref (self));
    }
  add_attachment_free (add);
}

static void
file_info_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AddAttachment *add = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, &error);
  const char *too_large;

  if (info == NULL)
    {
      show_message (add->page, _("Cannot Attach the File"), error->message);
      add_attachment_free (add);
      return;
    }

  /* Refuse a large file before reading it. */
  too_large = vt_attachment_check_size (g_file_info_get_size (info));
  if (too_large != NULL)
    {
      show_message (add->page, _("The File Is Too Large"), too_large);
      add_attachment_free (add);
      return;
    }

  add->filename = g_strdup (g_file_info_get_display_name (info));
  add->mime_type = g_content_type_get_mime_type (g_file_info_get_content_type (info));
  if (add->mime_type == NULL)
    add->mime_type = g_strdup ("application/octet-stream");
  g_file_load_bytes_async (G_FILE (object), add->page->cancellable, file_loaded_cb, add);
}

static void
attachment_chosen_cb (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      AddAttachment *add = g_new0 (AddAttachment, 1);

      add->page = g_object_ref (self);
      g_file_query_info_async (file,
                               G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                               G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                               G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                               G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable,
                               file_info_cb, add);
    }
  g_object_unref (dialog);
}

static void
add_attachment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach File"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (attachment_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
attachment_written_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      show_message (self, _("Cannot Open the File"), error->message);
      return;
    }
  uri = g_file_get_uri (G_FILE (object));
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

static void
got_attachment_to_open_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtAttachment) a = vt_store_get_attachment_finish (VT_STORE (object), result, &error);
  g_autofree char *dir = NULL;
  g_autofree char *id = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GFile) file = NULL;

  if (a == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Cannot Open the File"), error->message);
      return;
    }

  /* Other programs open a copy in the cache, in a folder of its own so
   * that the file keeps its name. */
  id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
  dir = g_build_filename (g_get_user_cache_dir (), "vitask-suppliers", "attachments", id, NULL);
  base = g_path_get_basename (a->filename);
  g_mkdir_with_parents (dir, 0700);
  file = g_file_new_build_filename (dir, base, NULL);
  g_file_replace_contents_bytes_async (file, a->data, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       self->cancellable, attachment_written_cb, g_object_ref (self));
}

static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);

  vt_store_get_attachment_async (self->store, g_variant_get_int64 (parameter), self->cancellable,
                                 got_attachment_to_open_cb, g_object_ref (self));
}

static void
attachment_removed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vt_store_delete_finish (VT_STORE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, _("Cannot Remove the File"), error->message);
  load_attachments (self);
}

static void
remove_attachment_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               gpointer          user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "vt-id"));

  if (g_str_equal (response, "remove"))
    vt_store_delete_async (self->store, VT_RECORD_ATTACHMENT, id, 0, self->cancellable,
                           attachment_removed_cb, g_object_ref (self));
}

static void
remove_attachment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GPtrArray *rows = g_object_get_data (G_OBJECT (self->attachments_group), "vt-rows");
  const char *filename = "";
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (GPOINTER_TO_INT (g_object_get_data (g_ptr_array_index (rows, i), "vt-id")) == id)
      filename = g_object_get_data (g_ptr_array_index (rows, i), "vt-filename");

  /* Translators: %s is a file name. */
  heading = g_strdup_printf (_("Remove “%s”?"), filename);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("The file is removed from the database for everyone. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "vt-id", GINT_TO_POINTER ((int) id));
  g_signal_connect (dialog, "response", G_CALLBACK (remove_attachment_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving ----------------------------------------------------------------- */

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;

  if (g_str_equal (response, "reload") && self->original && self->original->uuid)
    vt_supplier_profile_load (self, self->original->uuid);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VtSupplierProfile *self = g_task_get_source_object (task);
  VtSupplier *saved = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->original != NULL && self->original->uuid == NULL;

  self->saving = FALSE;
  if (!vt_store_save_supplier_finish (VT_STORE (object), result, &error))
    {
      update_state (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      if (g_error_matches (error, VT_STORE_ERROR, VT_STORE_ERROR_CONFLICT))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      _("Changed by Someone Else"), error->message);

          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "keep", _("_Keep Editing"),
                                            "reload", _("_Discard Mine and Reload"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
          g_signal_connect (dialog, "response", G_CALLBACK (conflict_response_cb), g_object_ref (self));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        show_message (self, _("Cannot Save the Supplier"), error->message);

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The rows already show what was saved; only the records move on. */
  g_clear_pointer (&self->original, vt_supplier_unref);
  self->original = vt_supplier_ref (saved);
  g_clear_pointer (&self->edited, vt_supplier_unref);
  self->edited = vt_supplier_dup_profile (saved);
  rebuild_certifications (self);
  rebuild_customers (self);
  rebuild_contacts (self);
  update_header (self);
  update_state (self);
  if (was_new)
    load_lists (self);

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

static void
save_async (VtSupplierProfile      *self,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, self->cancellable, callback, user_data);
  VtSupplier *copy;

  if (!vt_supplier_profile_get_can_save (self))
    {
      g_task_return_new_error (task, VT_STORE_ERROR, VT_STORE_ERROR_INVALID,
                               _("Correct the fields marked in red first."));
      g_object_unref (task);
      return;
    }

  /* The store updates the record it saves (uuid, version), so it gets a
   * copy: typing on during the save does not mix into it. */
  copy = vt_supplier_dup_profile (self->edited);
  g_task_set_task_data (task, copy, (GDestroyNotify) vt_supplier_unref);
  self->saving = TRUE;
  update_state (self);
  vt_store_save_supplier_async (self->store, copy, self->cancellable, saved_cb, task);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);

  if (!vt_supplier_profile_get_can_save (self))
    return;
  save_async (self, NULL, NULL);
}

void
vt_supplier_profile_discard (VtSupplierProfile *self)
{
  g_return_if_fail (VT_IS_SUPPLIER_PROFILE (self));

  if (self->original == NULL)
    return;
  g_clear_pointer (&self->edited, vt_supplier_unref);
  self->edited = vt_supplier_dup_profile (self->original);
  g_hash_table_remove_all (self->invalid);
  populate (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);
  gboolean is_new = self->original != NULL && self->original->uuid == NULL;

  vt_supplier_profile_discard (self);
  /* A supplier that was never saved has nothing to go back to. */
  if (is_new)
    g_signal_emit (self, signals[SIGNAL_CLOSE_REQUESTED], 0);
}

static void
leave_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_boolean (task, g_task_propagate_boolean (G_TASK (result), NULL));
}

static void
leave_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  GTask *task = user_data;
  VtSupplierProfile *self = g_task_get_source_object (task);

  if (g_str_equal (response, "save"))
    {
      save_async (self, leave_saved_cb, task);
      return;
    }
  if (g_str_equal (response, "discard"))
    {
      vt_supplier_profile_discard (self);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_boolean (task, FALSE);
  g_object_unref (task);
}

/**
 * vt_supplier_profile_confirm_leave_async:
 *
 * Before the page shows something else or its window closes: with unsaved
 * changes, asks whether to save them, discard them, or stay. Finishes
 * with %TRUE when the page may be left.
 */
void
vt_supplier_profile_confirm_leave_async (VtSupplierProfile      *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  if (!self->dirty)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (!vt_supplier_profile_get_can_save (self))
    body = g_strdup (_("Some fields are not valid yet, so the changes cannot be saved as they are. Stay to correct them, or discard the changes."));
  else
    /* Translators: %s is the name of a supplier. */
    body = g_strdup_printf (_("“%s” has changes that are not saved. Changes that you discard are lost."),
                            self->title);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           vt_supplier_profile_get_can_save (self));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (leave_response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
vt_supplier_profile_confirm_leave_finish (VtSupplierProfile  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Children actions --------------------------------------------------------- */

static void
expand_last (AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "vt-rows");
  GtkWidget *last;

  if (rows == NULL || rows->len == 0)
    return;
  last = g_ptr_array_index (rows, rows->len - 1);
  if (ADW_IS_EXPANDER_ROW (last))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (last), TRUE);
      gtk_widget_grab_focus (last);
    }
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);

  if (self->edited == NULL)
    return;

  if (g_str_equal (action_name, "page.add-certification"))
    {
      g_ptr_array_add (self->edited->certifications, vt_certification_new (NULL));
      rebuild_certifications (self);
      expand_last (self->certifications_group);
    }
  else if (g_str_equal (action_name, "page.add-customer"))
    {
      g_ptr_array_add (self->edited->customers, vt_customer_new (NULL));
      rebuild_customers (self);
      expand_last (self->customers_group);
    }
  else
    {
      g_ptr_array_add (self->edited->contacts, vt_contact_new (NULL, NULL, NULL));
      rebuild_contacts (self);
      expand_last (self->contacts_group);
    }
  update_state (self);
}

static void
remove_child_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);
  guint index = g_variant_get_uint32 (parameter);
  GPtrArray *array;

  if (self->edited == NULL)
    return;

  if (g_str_equal (action_name, "page.remove-certification"))
    array = self->edited->certifications;
  else if (g_str_equal (action_name, "page.remove-customer"))
    array = self->edited->customers;
  else
    array = self->edited->contacts;

  g_return_if_fail (index < array->len);
  g_ptr_array_remove_index (array, index);

  if (array == self->edited->certifications)
    rebuild_certifications (self);
  else if (array == self->edited->customers)
    rebuild_customers (self);
  else
    rebuild_contacts (self);
  update_state (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_DELETE_REQUESTED], 0);
}

static void
on_stage_moved (VtSupplierProfile *self)
{
  /* The stage, its history and the lists showing it have all changed. */
  if (self->original != NULL && self->original->uuid != NULL)
    vt_supplier_profile_load (self, self->original->uuid);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
got_readiness_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplier) supplier = vt_store_get_supplier_finish (VT_STORE (object), result, &error);

  if (supplier == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the supplier's readiness: %s", error->message);
      return;
    }
  if (self->original == NULL || g_strcmp0 (self->original->uuid, supplier->uuid) != 0)
    return;

  /* Only the cached index changed: edits in progress stay as they are. */
  self->original->readiness = supplier->readiness;
  self->edited->readiness = supplier->readiness;
  update_header (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* An assessment was saved: the header, the charts and the lists showing
 * the supplier's index are out of date. */
static void
on_assessment_saved (VtSupplierProfile *self)
{
  if (self->store == NULL || self->original == NULL || self->original->uuid == NULL)
    return;
  vt_store_get_supplier_async (self->store, self->original->uuid, self->cancellable,
                               got_readiness_cb, g_object_ref (self));
  vt_supplier_charts_reload (self->supplier_charts);
}

static void
move_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  VtStageDialog *dialog;

  if (self->original == NULL || self->original->uuid == NULL || self->dirty)
    return;

  g_ptr_array_add (summaries, g_object_new (VT_TYPE_SUPPLIER_SUMMARY,
                                            "uuid", self->original->uuid,
                                            "name-vi", self->original->name_vi,
                                            "name-ko", self->original->name_ko,
                                            "sector", self->original->sector,
                                            "stage", self->original->stage,
                                            "readiness", self->original->readiness,
                                            "version", self->original->version,
                                            NULL));
  dialog = vt_stage_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, summaries);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "moved", G_CALLBACK (on_stage_moved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Escape: back to the list, asking first about unsaved changes. */
static void
print_data_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VtSupplierReportData) data = vt_supplier_report_data_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data == NULL)
    {
      vt_report_show_error (GTK_WIDGET (self), _("Could Not Print"), error);
      return;
    }
  vt_report_print (vt_supplier_report_new (data, vt_chart_language ()), GTK_WIDGET (self));
}

/* The bilingual profile sheet, read from the store off the main thread
 * first. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (widget);

  if (self->store == NULL || self->original == NULL || self->original->uuid == NULL)
    return;
  vt_supplier_report_data_load_async (self->store, self->original->uuid, NULL, print_data_cb, g_object_ref (self));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CLOSE_REQUESTED], 0);
}

/* Public ----------------------------------------------------------------- */

static void
got_provinces_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GPtrArray) provinces = vt_store_list_provinces_finish (VT_STORE (object), result, NULL);
  g_autoptr(GtkStringList) current = NULL;
  g_autoptr(GtkStringList) old = NULL;
  gboolean was_populating = self->populating;

  if (provinces == NULL)
    return;

  g_ptr_array_set_size (self->provinces_2025, 0);
  g_ptr_array_set_size (self->provinces_pre2025, 0);
  for (guint i = 0; i < provinces->len; i++)
    {
      VtProvince *p = g_ptr_array_index (provinces, i);

      g_ptr_array_add (g_str_equal (p->list_id, "2025") ? self->provinces_2025 : self->provinces_pre2025,
                       vt_province_ref (p));
    }

  current = province_names (self->provinces_2025);
  old = province_names (self->provinces_pre2025);
  self->populating = TRUE;
  adw_combo_row_set_model (self->province_row, G_LIST_MODEL (current));
  adw_combo_row_set_model (self->old_province_row, G_LIST_MODEL (old));
  if (self->edited != NULL)
    show_province (self);
  self->populating = was_populating;
}

static void
got_rounds_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VtSupplierProfile) self = user_data;
  g_autoptr(GPtrArray) rounds = vt_store_list_rounds_finish (VT_STORE (object), result, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  VtRound *current;

  if (rounds == NULL)
    return;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  current = vt_round_pick_current (rounds, &today);
  self->new_round_id = current ? current->id : 0;
  if (self->original != NULL && self->original->uuid == NULL)
    self->edited->round_id = self->original->round_id = self->new_round_id;
}

void
vt_supplier_profile_set_store (VtSupplierProfile *self,
                            VtStore        *store)
{
  g_return_if_fail (VT_IS_SUPPLIER_PROFILE (self));

  if (self->store == store)
    {
      /* Rounds come and go; a new supplier joins the one current now. */
      if (store != NULL)
        vt_store_list_rounds_async (store, NULL, got_rounds_cb, g_object_ref (self));
      return;
    }

  restart (self);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;

  vt_store_list_provinces_async (store, self->cancellable, got_provinces_cb, g_object_ref (self));
  vt_store_list_rounds_async (store, self->cancellable, got_rounds_cb, g_object_ref (self));
}

const char *
vt_supplier_profile_get_uuid (VtSupplierProfile *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_PROFILE (self), NULL);

  return self->original ? self->original->uuid : NULL;
}

gint64
vt_supplier_profile_get_version (VtSupplierProfile *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_PROFILE (self), 0);

  return self->original ? self->original->version : 0;
}

const char *
vt_supplier_profile_get_title (VtSupplierProfile *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_PROFILE (self), NULL);

  return self->title;
}

/**
 * vt_supplier_profile_get_readiness_text:
 *
 * Returns: (nullable): the readiness index the header shows, or %NULL
 *   when it shows none
 */
const char *
vt_supplier_profile_get_readiness_text (VtSupplierProfile *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_PROFILE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->readiness_label)))
    return NULL;
  return gtk_label_get_label (self->readiness_label);
}

gboolean
vt_supplier_profile_get_dirty (VtSupplierProfile *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_PROFILE (self), FALSE);

  return self->dirty;
}

gboolean
vt_supplier_profile_get_can_save (VtSupplierProfile *self)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_PROFILE (self), FALSE);

  if (self->store == NULL || self->edited == NULL)
    return FALSE;

  /* A new supplier can be saved once it has its name, even before any
   * other field was touched. */
  return vt_supplier_profile_can_save (self->dirty || self->original->uuid == NULL,
                                    g_hash_table_size (self->invalid)
                                    + (vt_check_name_vi (self->edited->name_vi) != NULL ? 1 : 0),
                                    self->saving, vt_store_is_read_only (self->store));
}

/**
 * vt_supplier_profile_get_section:
 * @name: "visits", "assessments", "history" or "attachments"
 *
 * The group that holds a section, for widgets that show it in more depth.
 *
 * Returns: (transfer none) (nullable): the section's widget (an
 *   AdwPreferencesGroup, or the VtSupplierAssessments list)
 */
GtkWidget *
vt_supplier_profile_get_section (VtSupplierProfile *self,
                              const char     *name)
{
  g_return_val_if_fail (VT_IS_SUPPLIER_PROFILE (self), NULL);

  if (g_strcmp0 (name, "visits") == 0)
    return GTK_WIDGET (self->visits_group);
  if (g_strcmp0 (name, "assessments") == 0)
    return GTK_WIDGET (self->assessments);
  if (g_strcmp0 (name, "history") == 0)
    return GTK_WIDGET (self->history_group);
  if (g_strcmp0 (name, "attachments") == 0)
    return GTK_WIDGET (self->attachments_group);
  return NULL;
}

/* GObject ---------------------------------------------------------------- */

static void
vt_supplier_profile_dispose (GObject *object)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VT_TYPE_SUPPLIER_PROFILE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vt_supplier_profile_parent_class)->dispose (object);
}

static void
vt_supplier_profile_finalize (GObject *object)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->original, vt_supplier_unref);
  g_clear_pointer (&self->edited, vt_supplier_unref);
  g_clear_pointer (&self->provinces_2025, g_ptr_array_unref);
  g_clear_pointer (&self->provinces_pre2025, g_ptr_array_unref);
  g_clear_pointer (&self->invalid, g_hash_table_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (vt_supplier_profile_parent_class)->finalize (object);
}

static void
vt_supplier_profile_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VtSupplierProfile *self = VT_SUPPLIER_PROFILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vt_supplier_profile_class_init (VtSupplierProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vt_supplier_profile_dispose;
  object_class->finalize = vt_supplier_profile_finalize;
  object_class->get_property = vt_supplier_profile_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The supplier was saved, or its stage moved: lists showing it are out
   * of date. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals[SIGNAL_CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (VT_TYPE_SUPPLIER_ASSESSMENTS);
  g_type_ensure (VT_TYPE_SUPPLIER_CHARTS);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/vitask/Suppliers/ui/vt-supplier-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, save_label);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, stack);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, spinner);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, error_page);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, scroller);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, title_label);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, stage_label);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, sections);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, name_vi_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, name_en_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, name_ko_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, tax_code_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, code_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, province_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, old_province_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, zone_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, address_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, sector_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, ownership_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, founded_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, employees_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, products_row);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, certifications_group);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, customers_group);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, notes_group);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, history_group);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, visits_group);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, assessments);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, supplier_charts);
  gtk_widget_class_bind_template_child (widget_class, VtSupplierProfile, notes_view);

  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "page.add-certification", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "page.add-customer", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "page.add-contact", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "page.remove-certification", "u", remove_child_action);
  gtk_widget_class_install_action (widget_class, "page.remove-customer", "u", remove_child_action);
  gtk_widget_class_install_action (widget_class, "page.remove-contact", "u", remove_child_action);
  gtk_widget_class_install_action (widget_class, "page.add-attachment", NULL, add_attachment_action);
  gtk_widget_class_install_action (widget_class, "page.open-attachment", "x", open_attachment_action);
  gtk_widget_class_install_action (widget_class, "page.remove-attachment", "x", remove_attachment_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.move-stage", NULL, move_stage_action);

  gtk_widget_class_install_action (widget_class, "page.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "page.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "page.print", NULL);
  /* As on the list and the board. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "page.move-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.close", NULL);
}

static void
vt_supplier_profile_init (VtSupplierProfile *self)
{
  g_autoptr(GtkStringList) sectors = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ownerships = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) no_provinces = province_names (NULL);
  g_autoptr(GtkStringList) no_old_provinces = province_names (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->invalid = g_hash_table_new (NULL, NULL);
  self->provinces_2025 = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_province_unref);
  self->provinces_pre2025 = g_ptr_array_new_with_free_func ((GDestroyNotify) vt_province_unref);

  bind_row (self, self->name_vi_row, FIELD_NAME_VI, NULL, G_STRUCT_OFFSET (VtSupplier, name_vi));
  bind_row (self, self->name_en_row, FIELD_TEXT, NULL, G_STRUCT_OFFSET (VtSupplier, name_en));
  bind_row (self, self->name_ko_row, FIELD_TEXT, NULL, G_STRUCT_OFFSET (VtSupplier, name_ko));
  bind_row (self, self->tax_code_row, FIELD_TAX_CODE, NULL, G_STRUCT_OFFSET (VtSupplier, tax_code));
  bind_row (self, self->code_row, FIELD_TEXT, NULL, G_STRUCT_OFFSET (VtSupplier, code));
  bind_row (self, self->zone_row, FIELD_TEXT, NULL, G_STRUCT_OFFSET (VtSupplier, industrial_zone));
  bind_row (self, self->address_row, FIELD_TEXT, NULL, G_STRUCT_OFFSET (VtSupplier, address));
  bind_row (self, self->founded_row, FIELD_YEAR, NULL, G_STRUCT_OFFSET (VtSupplier, founded_year));
  bind_row (self, self->employees_row, FIELD_COUNT, NULL, G_STRUCT_OFFSET (VtSupplier, employees));
  bind_row (self, self->revenue_row, FIELD_COUNT, NULL, G_STRUCT_OFFSET (VtSupplier, revenue_vnd));
  bind_row (self, self->products_row, FIELD_TEXT, NULL, G_STRUCT_OFFSET (VtSupplier, products));

  for (VtSector v = 0; v <= VT_SECTOR_OTHER; v++)
    gtk_string_list_append (sectors, vt_sector_get_display_name (v));
  for (VtOwnership v = 0; v <= VT_OWNERSHIP_JOINT_VENTURE; v++)
    gtk_string_list_append (ownerships, vt_ownership_get_display_name (v));
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (sectors));
  adw_combo_row_set_model (self->ownership_row, G_LIST_MODEL (ownerships));
  adw_combo_row_set_model (self->province_row, G_LIST_MODEL (no_provinces));
  adw_combo_row_set_model (self->old_province_row, G_LIST_MODEL (no_old_provinces));

  g_signal_connect_swapped (self->sector_row, "notify::selected", G_CALLBACK (on_choice_selected), self);
  g_signal_connect_swapped (self->ownership_row, "notify::selected", G_CALLBACK (on_choice_selected), self);
  g_signal_connect_swapped (self->province_row, "notify::selected", G_CALLBACK (on_province_selected), self);
  g_signal_connect_swapped (self->old_province_row, "notify::selected", G_CALLBACK (on_province_selected), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed), self);
  g_signal_connect_swapped (self->assessments, "saved", G_CALLBACK (on_assessment_saved), self);

  update_state (self);
}
