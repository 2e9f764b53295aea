/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-sample-data.c: a fictitious programme round to try the app with.
 *
 * Modelled on how VITASK describes its yearly cycle (DESIGN.md): about 40
 * dossiers from several provinces, 24 first visits, 16 finalists (the plan
 * was 12; the target was raised mid-round), automotive and
 * electrical-electronic suppliers, Korean consultants, VITASK staff,
 * interpreters and a provincial official. Every company and person is
 * invented and marked as sample data. A fixed seed makes it the same every
 * time, so tests can count on it. It goes through the backend interface,
 * like any other writer, in one transaction.
 */

#define G_LOG_DOMAIN "vt-sample"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vt-sample-data.h"
#include "vt-store.h"

#define SAMPLE_SEED 20250701

static const char * const brands[] = {
  "Tân Phát Đạt", "Minh Khang", "Hưng Thịnh Việt", "An Lộc Phát", "Thành Vinh",
  "Phúc Hải", "Đông Á Kim", "Kim Long Việt", "Sao Mai Bắc", "Trường Hưng",
  "Việt Tiến Cơ", "Hòa Bình Xanh", "Quang Đại", "Nam Việt Tín", "Bảo Ngọc",
  "Đức Trí", "Hồng Lạc", "Gia Phú", "Lạc Hồng Tech", "Tiến Đạt Sơn",
  "Vạn Xuân", "Thái Sơn Bắc", "Hải Đăng", "Nhật Quang", "Phương Đông",
  "Sông Hồng", "Bình Minh", "Đại Nam Phong", "Trí Việt", "Cửu Long Cơ",
  "Hà Thành Điện", "Kinh Bắc",
};

/* Korean-invested suppliers: a Korean name and its Vietnamese legal form. */
static const struct {
  const char *ko;
  const char *vi;
} korean_firms[] = {
  { "대한정밀 비나", "Công ty TNHH Daehan Chính xác Vina" },
  { "현대부품 하이퐁", "Công ty TNHH Linh kiện Hyeondae Hải Phòng" },
  { "새한전자 베트남", "Công ty TNHH Điện tử Saehan Việt Nam" },
  { "한빛케이블 비나", "Công ty TNHH Cáp Hanbit Vina" },
  { "동진오토텍", "Công ty TNHH Dongjin Autotech Việt Nam" },
  { "서진금형 비나", "Công ty TNHH Khuôn mẫu Seojin Vina" },
  { "미래플라텍", "Công ty TNHH Mirae Platech Việt Nam" },
  { "성우일렉트로닉스", "Công ty TNHH Seongwoo Electronics Vina" },
};

static const struct {
  VtSector    sector;
  const char *kind;           /* goes into the Vietnamese name */
  const char *products;
} lines[] = {
  { VT_SECTOR_AUTOMOTIVE, "Cơ khí Chính xác", "Chi tiết tiện CNC, bạc lót, trục cho hộp số" },
  { VT_SECTOR_AUTOMOTIVE, "Khuôn mẫu", "Khuôn dập, khuôn ép nhựa cho phụ tùng ô tô" },
  { VT_SECTOR_AUTOMOTIVE, "Phụ tùng Ô tô", "Giá đỡ dập, ốc vít, chi tiết hàn khung" },
  { VT_SECTOR_AUTOMOTIVE, "Nhựa Kỹ thuật", "Chi tiết nhựa nội thất ô tô, ốp, nắp" },
  { VT_SECTOR_ELECTRICAL_ELECTRONIC, "Điện tử", "Lắp ráp bo mạch SMT, cụm dây dẫn" },
  { VT_SECTOR_ELECTRICAL_ELECTRONIC, "Dây và Cáp điện", "Dây điện, cáp tín hiệu, bó dây" },
  { VT_SECTOR_ELECTRICAL_ELECTRONIC, "Linh kiện Điện tử", "Biến áp nhỏ, cuộn cảm, đầu nối" },
  { VT_SECTOR_ELECTRICAL_ELECTRONIC, "Thiết bị Điện", "Vỏ kim loại tủ điện, công tắc, ổ cắm" },
};

/* Provinces (2025 list) where the dossiers come from, more from the north
 * as in VITASK's rounds; two dossiers still name a pre-2025 province. */
static const char * const provinces[] = {
  "01", "01", "01", "24", "24", "24", "31", "31", "33", "25", "19", "75", "79", "79",
};

static const char * const zones[] = {
  "KCN Thăng Long", "KCN Quế Võ", "KCN Yên Phong", "KCN Đình Vũ", "KCN Phố Nối A",
  "KCN Bá Thiện", "KCN Yên Bình", "KCN Amata", "KCN Tân Bình", NULL,
};

static const char * const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
};

static const char * const middle_names[] = {
  "Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu", "Quang", "Hữu",
};

static const char * const given_names[] = {
  "Anh", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khoa", "Lan",
  "Linh", "Long", "Mai", "Nam", "Phương", "Quân", "Thảo", "Trang", "Tuấn", "Yến",
};

static const char * const buyers[] = {
  "Hanbit Motors Vina (sample)", "Daesung Electronics Vietnam (sample)",
  "Seoul Auto Parts Hải Phòng (sample)", "Kumho Precision Bắc Ninh (sample)",
};

typedef struct
{
  VtBackend    *backend;
  GRand        *rand;
  GTimeZone    *tz;
  GCancellable *cancellable;
  VtRound      *round;
  GArray       *staff;          /* person ids */
  GArray       *consultants;
  GArray       *interpreters;
  gint64        official;
  VtCriterionSet *criteria;
} Sample;

#define PICK(s, array) ((array)[g_rand_int_range ((s)->rand, 0, G_N_ELEMENTS (array))])

static gint64
add_person (Sample       *s,
            VtPersonKind  kind,
            const char   *family,
            const char   *middle,
            const char   *given,
            const char   *organisation,
            const char   *specialty,
            const char   *languages,
            GError      **error)
{
  g_autoptr(VtPerson) p = vt_person_new (kind, family, middle, given);

  p->organisation = g_strdup (organisation);
  p->specialty = g_strdup (specialty);
  p->languages = g_strdup (languages);
  if (!vt_backend_save_person (s->backend, p, error))
    return 0;
  return p->id;
}

static gboolean
add_people (Sample  *s,
            GError **error)
{
  static const struct {
    VtPersonKind kind;
    const char *family, *middle, *given, *organisation, *specialty, *languages;
  } people[] = {
    { VT_PERSON_KIND_STAFF, "Nguyễn", "Thị", "Lan", "VITASK", "Programme coordinator", "vi,en,ko" },
    { VT_PERSON_KIND_STAFF, "Trần", "Văn", "Hùng", "VITASK", "Supplier development", "vi,en" },
    { VT_PERSON_KIND_STAFF, "Phạm", "Minh", "Đức", "VITASK", "Quality engineer", "vi,en" },
    { VT_PERSON_KIND_CONSULTANT, "김", NULL, "민준", "KETI (Korea Electronics Technology Institute)", "Electronics manufacturing", "ko,en" },
    { VT_PERSON_KIND_CONSULTANT, "이", NULL, "서연", "KETI (Korea Electronics Technology Institute)", "Quality systems", "ko,en" },
    { VT_PERSON_KIND_CONSULTANT, "박", NULL, "지훈", "Korea Polytechnic University", "Press and mould tooling", "ko" },
    { VT_PERSON_KIND_CONSULTANT, "최", NULL, "유진", "Korea Polytechnic University", "Automotive parts, IATF 16949", "ko,en" },
    { VT_PERSON_KIND_INTERPRETER, "Lê", "Thu", "Hà", "VITASK", "Korean–Vietnamese interpreting", "vi,ko" },
    { VT_PERSON_KIND_INTERPRETER, "Hoàng", "Ngọc", "Anh", "Freelance", "Korean–Vietnamese interpreting", "vi,ko,en" },
    { VT_PERSON_KIND_OFFICIAL, "Đỗ", "Văn", "Nam", "Sở Công Thương tỉnh Bắc Ninh", "Supporting industries", "vi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 id = add_person (s, people[i].kind, people[i].family, people[i].middle, people[i].given,
                              people[i].organisation, people[i].specialty, people[i].languages, error);

      if (id == 0)
        return FALSE;
      switch (people[i].kind)
        {
        case VT_PERSON_KIND_STAFF:
          g_array_append_val (s->staff, id);
          break;
        case VT_PERSON_KIND_CONSULTANT:
          g_array_append_val (s->consultants, id);
          break;
        case VT_PERSON_KIND_INTERPRETER:
          g_array_append_val (s->interpreters, id);
          break;
        case VT_PERSON_KIND_OFFICIAL:
        case VT_PERSON_KIND_OTHER:
        default:
          s->official = id;
          break;
        }
    }
  return TRUE;
}

static gboolean
add_round (Sample  *s,
           GError **error)
{
  s->round = vt_round_new ();
  /* Korean and Vietnamese staff share the database: the round's name is
   * in both languages, whoever loads it. */
  s->round->name = g_strdup ("VITASK 2025 · 예제 차수 · Đợt mẫu");
  s->round->year = 2025;
  g_date_set_dmy (&s->round->starts_on, 1, G_DATE_JULY, 2025);
  g_date_set_dmy (&s->round->ends_on, 31, G_DATE_DECEMBER, 2025);
  s->round->targets[VT_STAGE_RECEIVED] = VT_SAMPLE_SUPPLIERS;
  s->round->targets[VT_STAGE_FIRST_VISIT_DONE] = VT_SAMPLE_FIRST_VISITS;
  s->round->targets[VT_STAGE_SELECTED] = VT_SAMPLE_PLANNED_FINALISTS;
  if (!vt_backend_save_round (s->backend, s->round, error))
    return FALSE;

  /* Mid-round the programme raised the number of finalists; saving it as
   * an edit puts the change in the audit log. */
  s->round->targets[VT_STAGE_SELECTED] = VT_SAMPLE_FINALISTS;
  s->round->notes = g_strdup (_("Sample data. The finalist target was raised from 12 to 16 after the first visits."));
  s->round->change_reason = g_strdup (_("After the first visits, the programme decided to support 16 finalists instead of 12."));
  return vt_backend_save_round (s->backend, s->round, error)
      && vt_backend_set_current_round (s->backend, s->round->id, error);
}

static char *
random_tax_code (Sample *s,
                 guint   index)
{
  /* Unique by construction; every fourth has a branch suffix. */
  guint base = 100000000 + index * 7919 + g_rand_int_range (s->rand, 0, 7000);

  if (index % 4 == 3)
    return g_strdup_printf ("0%09u-%03d", base, g_rand_int_range (s->rand, 1, 5));
  return g_strdup_printf ("0%09u", base);
}

static VtSupplier *
make_supplier (Sample *s,
               guint   index)
{
  VtSupplier *sup = vt_supplier_new ();
  guint line = g_rand_int_range (s->rand, 0, G_N_ELEMENTS (lines));
  gboolean korean = index % 5 == 2 && index / 5 < G_N_ELEMENTS (korean_firms);
  guint n_contacts = g_rand_int_range (s->rand, 1, 3);

  sup->sector = lines[line].sector;
  sup->products = g_strdup (lines[line].products);
  if (korean)
    {
      sup->name_vi = g_strdup (korean_firms[index / 5].vi);
      sup->name_ko = g_strdup (korean_firms[index / 5].ko);
      sup->ownership = VT_OWNERSHIP_KOREAN_INVESTED;
    }
  else
    {
      sup->name_vi = g_strdup_printf ("%s %s %s", index % 3 ? "Công ty TNHH" : "Công ty Cổ phần",
                                      lines[line].kind, brands[index % G_N_ELEMENTS (brands)]);
      sup->ownership = VT_OWNERSHIP_DOMESTIC_PRIVATE;
    }
  sup->code = g_strdup_printf ("VT25-%03u", index + 1);
  sup->tax_code = random_tax_code (s, index);

  if (index == 7 || index == 29)
    {
      /* Old dossiers that still name a province from before July 2025. */
      g_free (sup->province_list);
      sup->province_list = g_strdup ("pre2025");
      sup->province_code = g_strdup (index == 7 ? "26" : "74");
    }
  else
    sup->province_code = g_strdup (PICK (s, provinces));
  sup->industrial_zone = g_strdup (PICK (s, zones));
  sup->address = g_strdup_printf (_("Lot %c%d (sample address)"), 'A' + g_rand_int_range (s->rand, 0, 8),
                                  g_rand_int_range (s->rand, 1, 40));
  sup->founded_year = g_rand_int_range (s->rand, 1995, 2021);
  sup->employees = g_rand_int_range (s->rand, 40, 900);
  sup->revenue_vnd = (gint64) g_rand_int_range (s->rand, 15, 900) * 1000000000;
  sup->notes = g_strdup (_("Sample data — fictitious company."));

  if (g_rand_int_range (s->rand, 0, 10) < 7)
    {
      VtCertification *c = vt_certification_new ("ISO 9001");

      g_date_set_dmy (&c->expires_on, g_rand_int_range (s->rand, 1, 28),
                      g_rand_int_range (s->rand, 1, 13), g_rand_int_range (s->rand, 2025, 2029));
      c->issuer = g_strdup ("QUACERT (sample)");
      g_ptr_array_add (sup->certifications, c);
    }
  if (sup->sector == VT_SECTOR_AUTOMOTIVE && g_rand_int_range (s->rand, 0, 3) == 0)
    {
      VtCertification *c = vt_certification_new ("IATF 16949");

      g_date_set_dmy (&c->expires_on, 30, G_DATE_JUNE, g_rand_int_range (s->rand, 2026, 2029));
      g_ptr_array_add (sup->certifications, c);
    }
  if (g_rand_int_range (s->rand, 0, 4) == 0)
    g_ptr_array_add (sup->certifications, vt_certification_new ("ISO 14001"));
  if (korean || g_rand_int_range (s->rand, 0, 4) == 0)
    {
      VtCustomer *c = vt_customer_new (PICK (s, buyers));

      c->since_year = g_rand_int_range (s->rand, 2012, 2025);
      g_ptr_array_add (sup->customers, c);
    }

  for (guint i = 0; i < n_contacts; i++)
    {
      VtContact *c = vt_contact_new (PICK (s, family_names), PICK (s, middle_names), PICK (s, given_names));

      c->role = g_strdup (i == 0 ? _("Director") : _("Quality manager"));
      c->phone = g_strdup_printf ("+84 9%02d %03d %03d", g_rand_int_range (s->rand, 0, 100),
                                  g_rand_int_range (s->rand, 0, 1000), g_rand_int_range (s->rand, 0, 1000));
      c->email = g_strdup_printf ("contact%u@example.com", index * 2 + i);
      g_ptr_array_add (sup->contacts, c);
    }
  return sup;
}

static GDateTime *
visit_time (Sample *s,
            int     month,
            int     day,
            int     hour)
{
  return g_date_time_new (s->tz, 2025, month, day, hour, 0, 0);
}

static VtVisit *
add_visit (Sample       *s,
           VtSupplier   *sup,
           VtVisitKind   kind,
           GDateTime    *start,
           guint         consultant,
           const char   *findings,
           GError      **error)
{
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 4);
  g_autoptr(VtVisit) v = vt_visit_new (sup->uuid, kind, start, end);
  gint64 id;

  v->round_id = s->round->id;
  v->status = findings ? VT_VISIT_STATUS_DONE : VT_VISIT_STATUS_PLANNED;
  v->place = g_strdup (sup->address);
  v->purpose = g_strdup (vt_visit_kind_get_display_name (kind));
  v->findings = g_strdup (findings);
  id = g_array_index (s->consultants, gint64, consultant % s->consultants->len);
  g_array_append_val (v->participant_ids, id);
  id = g_array_index (s->staff, gint64, consultant % s->staff->len);
  g_array_append_val (v->participant_ids, id);
  id = g_array_index (s->interpreters, gint64, consultant % s->interpreters->len);
  g_array_append_val (v->participant_ids, id);
  if (g_str_equal (sup->province_code, "24"))
    g_array_append_val (v->participant_ids, s->official);

  if (!vt_backend_save_visit (s->backend, v, error))
    return NULL;
  return g_steal_pointer (&v);
}

/* Scores around a supplier's underlying level, better at the second visit
 * (the finalists have started to improve). The consultant and the staff
 * member of the visit score on their own, at most a level apart, and the
 * agreed score is the consultant's. At the first visit an action is
 * agreed for the weakest criterion; the second visit checks it. */
static VtAssessment *
add_assessment (Sample        *s,
                VtSupplier    *sup,
                VtVisit       *visit,
                double         level,
                VtAssessment  *previous,
                GError       **error)
{
  g_autoptr(VtAssessment) a = vt_assessment_new (sup->uuid, s->criteria->id);
  const char *language = vt_text_language ();
  VtCriterion *weakest = NULL;
  int weakest_score = G_MAXINT;

  a->visit_id = visit->id;
  g_date_set_dmy (&a->assessed_on, g_date_time_get_day_of_month (visit->starts_at),
                  g_date_time_get_month (visit->starts_at), g_date_time_get_year (visit->starts_at));
  g_array_append_vals (a->assessor_ids, visit->participant_ids->data, 2);
  for (guint i = 0; i < s->criteria->criteria->len; i++)
    {
      VtCriterion *c = g_ptr_array_index (s->criteria->criteria, i);
      int top = vt_criterion_get_n_levels (c) - 1;
      /* CLAMP() evaluates its argument more than once: draw first. */
      double drawn = (level + g_rand_double_range (s->rand, -1.2, 1.2)) * top / 5.0 + 0.5;
      int score = CLAMP ((int) drawn, 0, top);
      int other = CLAMP (score + (int) ((i + strlen (sup->uuid) + visit->id) % 3) - 1, 0, top);
      const char *comment = vt_criterion_get_level_description (c, score, language);

      vt_assessment_set_score (a, c->id, score, comment);
      vt_assessment_set_assessor_score (a, g_array_index (a->assessor_ids, gint64, 0), c->id, score, comment);
      vt_assessment_set_assessor_score (a, g_array_index (a->assessor_ids, gint64, 1), c->id, other, NULL);
      if (score < weakest_score)
        {
          weakest = c;
          weakest_score = score;
        }
    }

  if (previous == NULL && weakest != NULL)
    {
      VtImprovementAction *x = vt_improvement_action_new (weakest->code,
                                                          vt_criterion_get_level_description (weakest, MIN (weakest_score + 1, vt_criterion_get_n_levels (weakest) - 1), language));

      x->owner = g_strdup (sup->name_vi);
      g_date_set_dmy (&x->due_on, 1, 10, g_date_get_year (&a->assessed_on));
      g_ptr_array_add (a->actions, x);
    }
  for (guint i = 0; previous != NULL && i < previous->actions->len; i++)
    {
      VtImprovementAction *x = g_ptr_array_index (previous->actions, i);
      VtCriterion *c = vt_criterion_set_find_code (s->criteria, x->criterion_code);
      VtScore *before = c ? vt_assessment_get_score (previous, c->id) : NULL;
      VtScore *now = c ? vt_assessment_get_score (a, c->id) : NULL;
      gboolean done = before != NULL && now != NULL && now->score > before->score;

      vt_assessment_check_action (a, x->id, done ? VT_ACTION_STATUS_DONE : VT_ACTION_STATUS_NOT_DONE);
    }

  if (!vt_backend_save_assessment (s->backend, a, error))
    return NULL;
  return g_steal_pointer (&a);
}

typedef struct
{
  VtSupplier   *supplier;
  double        level;
  double        first_index;
  VtVisit      *first_visit;
  VtAssessment *first;
  gboolean      late;         /* arrived after the appraisal */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return x->first_index < y->first_index ? 1 : x->first_index > y->first_index ? -1 : 0;
}

static void
candidate_clear (Candidate *c)
{
  g_clear_pointer (&c->supplier, vt_supplier_unref);
  g_clear_pointer (&c->first_visit, vt_visit_unref);
  g_clear_pointer (&c->first, vt_assessment_unref);
}

static gboolean
move (Sample      *s,
      VtSupplier  *sup,
      VtStage      stage,
      const char  *reason,
      GError     **error)
{
  return vt_backend_move_stage (s->backend, sup->uuid, s->round->id, stage, reason, error);
}

/* A visit planned from today on, so that the app has something coming up
 * whenever the sample is loaded. */
static VtVisit *
add_planned_visit (Sample      *s,
                   VtSupplier  *sup,
                   VtVisitKind  kind,
                   guint        days_ahead,
                   guint        consultant,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (s->tz);
  g_autoptr(GDateTime) morning = g_date_time_new (s->tz, g_date_time_get_year (now),
                                                  g_date_time_get_month (now),
                                                  g_date_time_get_day_of_month (now), 9, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (morning, (int) days_ahead);

  return add_visit (s, sup, kind, day, consultant, NULL, error);
}

/* The round is caught in the middle of its year: most dossiers have gone
 * their way (40 received, 24 visited once, 16 selected), and a few wait at
 * every stage of the pipeline, as in a real round:
 *   - a dossier that came after the appraisal is still only received;
 *   - one appraised dossier waits for the shortlisting decision;
 *   - a reserve, shortlisted after a withdrawal, waits for its first visit;
 *   - one supplier waits for the decision after its first visit;
 *   - one had its second visit and is not decided yet;
 *   - of the 16 finalists, three receive assistance and one has been
 *     introduced to a Korean buyer. */
static gboolean
fill (Sample  *s,
      GError **error)
{
  static const char * const first_findings[] = {
    N_("Incoming inspection records incomplete; no gauge calibration plan."),
    N_("Good 5S on the press line; die maintenance done only after failures."),
    N_("SMT line well kept; no traceability from reel to finished board."),
    N_("Strong tooling workshop; delivery performance not measured."),
    N_("Scrap rate about 4 %; root-cause analysis not practised."),
  };
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(GArray) visited = g_array_new (FALSE, TRUE, sizeof (Candidate));
  guint rank = 0;
  gboolean ok = FALSE;

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);
  g_array_set_clear_func (visited, (GDestroyNotify) candidate_clear);

  s->criteria = vt_backend_get_criterion_set (s->backend, 0, error);
  if (s->criteria == NULL || !add_people (s, error) || !add_round (s, error))
    return FALSE;

  /* 40 dossiers arrive; all but the last, which came late, are appraised. */
  for (guint i = 0; i < VT_SAMPLE_SUPPLIERS; i++)
    {
      Candidate c = { make_supplier (s, i), g_rand_double_range (s->rand, 1.0, 4.6), -1, NULL, NULL, FALSE };

      c.supplier->round_id = s->round->id;
      c.late = i == VT_SAMPLE_SUPPLIERS - 1;
      g_array_append_val (candidates, c);
      if (!vt_backend_save_supplier (s->backend, c.supplier, error)
          || (!c.late && !move (s, c.supplier, VT_STAGE_APPRAISED, NULL, error)))
        goto out;
      if (g_cancellable_set_error_if_cancelled (s->cancellable, error))
        goto out;
    }

  /* The appraisal shortlists the 24 strongest dossiers on paper. Of the
   * others, two withdraw, the first after them is kept as a reserve, the
   * weakest waits for a decision and the rest are rejected with a reason. */
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      c->first_index = c->level;
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->late)
        continue;
      if (rank < VT_SAMPLE_FIRST_VISITS)
        {
          g_autoptr(GDateTime) start = visit_time (s, 8 + rank / 12, 4 + (rank % 12) * 2, 8);

          c->first_visit = add_visit (s, c->supplier, VT_VISIT_KIND_FIRST, start, rank,
                                      _(first_findings[rank % G_N_ELEMENTS (first_findings)]), error);
          if (c->first_visit == NULL
              || !move (s, c->supplier, VT_STAGE_SHORTLISTED, NULL, error)
              || !move (s, c->supplier, VT_STAGE_FIRST_VISIT_DONE, NULL, error))
            goto out;
          c->first = add_assessment (s, c->supplier, c->first_visit, c->level, NULL, error);
          if (c->first == NULL)
            goto out;
          c->first_index = c->first->readiness;
          g_array_append_val (visited, *c);
          /* The visited array owns it now. */
          memset (c, 0, sizeof *c);
        }
      else if (rank == VT_SAMPLE_FIRST_VISITS + 1)
        {
          g_autoptr(VtVisit) planned = NULL;

          if (!move (s, c->supplier, VT_STAGE_SHORTLISTED,
                     _("Shortlisted as a reserve after a company withdrew."), error)
              || (planned = add_planned_visit (s, c->supplier, VT_VISIT_KIND_FIRST, 10, rank, error)) == NULL)
            goto out;
        }
      else if (rank + 2 == candidates->len)
        {
          /* The weakest appraised dossier: its decision is still open. */
        }
      else if (!move (s, c->supplier, rank % 8 == 0 ? VT_STAGE_WITHDRAWN : VT_STAGE_REJECTED,
                      rank % 8 == 0 ? _("The company withdrew: no capacity for the programme this year.")
                                    : _("Dossier does not meet the appraisal criteria (sector or size)."),
                      error))
        goto out;
      rank++;
    }

  /* After the first visits the 16 best go on (the target was 12). */
  g_array_sort (visited, compare_candidates);
  for (guint i = 0; i < visited->len; i++)
    {
      Candidate *c = &g_array_index (visited, Candidate, i);
      gboolean finalist = i < VT_SAMPLE_FINALISTS;

      if (finalist || i == VT_SAMPLE_FINALISTS)
        {
          g_autoptr(GDateTime) start = visit_time (s, 10 + i / 8, 6 + (i % 8) * 3, 9);
          g_autoptr(VtVisit) second = add_visit (s, c->supplier, VT_VISIT_KIND_SECOND, start, i + 1,
                                                 _("Improvements since the first visit confirmed; action plan agreed."),
                                                 error);
          g_autoptr(VtAssessment) again = NULL;

          if (second == NULL
              || (again = add_assessment (s, c->supplier, second, MIN (c->level + 0.6, 5.0), c->first, error)) == NULL
              || !move (s, c->supplier, VT_STAGE_SECOND_VISIT_DONE, NULL, error))
            goto out;
          /* The first after the finalists had a second visit too and
           * waits for the programme's decision. */
          if (!finalist)
            continue;
          if (!move (s, c->supplier, VT_STAGE_SELECTED, NULL, error))
            goto out;

          /* The first four finalists already receive assistance; the
           * best of them has been introduced to a buyer. */
          if (i < VT_SAMPLE_IN_SUPPORT)
            {
              g_autoptr(VtVisit) planned = add_planned_visit (s, c->supplier, VT_VISIT_KIND_TECHNICAL_ASSISTANCE,
                                                              14 + 7 * i, i, error);

              if (planned == NULL || !move (s, c->supplier, VT_STAGE_IN_SUPPORT, NULL, error))
                goto out;
              if (i == 0 && !move (s, c->supplier, VT_STAGE_CONNECTED_TO_BUYER,
                                   _("Introduced to a Korean buyer at the supplier fair."), error))
                goto out;
            }
        }
      else if (i == VT_SAMPLE_FINALISTS + 1)
        {
          /* Visited once; the decision is still to be taken. */
        }
      else if (!move (s, c->supplier, VT_STAGE_REJECTED,
                      _("Not selected after the first visit: readiness below the cut."), error))
        goto out;
    }
  ok = TRUE;

out:
  return ok;
}

/**
 * vt_sample_data_load:
 *
 * Adds the sample round to the database in one transaction: all of it, or
 * nothing. It can be added to a database that has data already.
 */
gboolean
vt_sample_data_load (VtBackend     *backend,
                     GCancellable  *cancellable,
                     GError       **error)
{
  Sample s = { 0 };
  gboolean ok;

  s.backend = backend;
  s.cancellable = cancellable;
  s.rand = g_rand_new_with_seed (SAMPLE_SEED);
  s.tz = g_time_zone_new_offset (7 * 3600);
  s.staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.consultants = g_array_new (FALSE, FALSE, sizeof (gint64));
  s.interpreters = g_array_new (FALSE, FALSE, sizeof (gint64));

  vt_backend_set_actor (backend, _("Sample data"));
  ok = vt_backend_begin (backend, error);
  if (ok)
    {
      ok = fill (&s, error);
      if (ok)
        ok = vt_backend_commit (backend, error);
      else
        vt_backend_rollback (backend);
    }

  g_rand_free (s.rand);
  g_time_zone_unref (s.tz);
  g_array_unref (s.staff);
  g_array_unref (s.consultants);
  g_array_unref (s.interpreters);
  g_clear_pointer (&s.round, vt_round_unref);
  g_clear_pointer (&s.criteria, vt_criterion_set_unref);
  return ok;
}
