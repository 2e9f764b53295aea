/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vt-travel.c: travel times between provinces.
 *
 * The rule, kept simple so that staff can check it by hand:
 *
 * - the distance between two provinces is the great-circle distance between
 *   their administrative centres (the 34 units of 1 July 2025, by their GSO
 *   codes as in the provinces reference);
 * - by road, a team covers 1.3 km of road per km of that distance at an
 *   average of 50 km/h, door to door;
 * - beyond 300 km it flies instead when that is quicker: three hours of
 *   getting to, waiting at and leaving airports plus the flight at 700 km/h;
 * - between two places in one province it allows VT_TRAVEL_MINIMUM_MINUTES.
 */

#define G_LOG_DOMAIN "vt-core"

#include "config.h"

#include <math.h>

#include "vt-travel.h"

#define EARTH_RADIUS_KM 6371.0
#define ROAD_FACTOR 1.3
#define ROAD_KMH 50.0
#define FLIGHT_MIN_KM 300.0
#define FLIGHT_OVERHEAD_MINUTES 180.0
#define FLIGHT_KMH 700.0

typedef struct
{
  const char *code;
  double      lat;
  double      lon;
} Centre;

/* The administrative centre of each unit (latitude, longitude). */
static const Centre centres[] = {
  { "01", 21.028, 105.854 },  /* Hà Nội */
  { "04", 22.666, 106.258 },  /* Cao Bằng */
  { "08", 21.823, 105.214 },  /* Tuyên Quang */
  { "11", 21.386, 103.023 },  /* Điện Biên Phủ */
  { "12", 22.396, 103.458 },  /* Lai Châu */
  { "14", 21.327, 103.914 },  /* Sơn La */
  { "15", 21.705, 104.875 },  /* Lào Cai: seat at Yên Bái */
  { "19", 21.594, 105.848 },  /* Thái Nguyên */
  { "20", 21.853, 106.761 },  /* Lạng Sơn */
  { "22", 20.959, 107.043 },  /* Quảng Ninh: Hạ Long */
  { "24", 21.273, 106.194 },  /* Bắc Ninh: seat at Bắc Giang */
  { "25", 21.322, 105.402 },  /* Phú Thọ: Việt Trì */
  { "31", 20.845, 106.688 },  /* Hải Phòng */
  { "33", 20.646, 106.051 },  /* Hưng Yên */
  { "37", 20.251, 105.975 },  /* Ninh Bình */
  { "38", 19.807, 105.776 },  /* Thanh Hóa */
  { "40", 18.679, 105.681 },  /* Nghệ An: Vinh */
  { "42", 18.343, 105.906 },  /* Hà Tĩnh */
  { "44", 17.468, 106.622 },  /* Quảng Trị: seat at Đồng Hới */
  { "46", 16.463, 107.590 },  /* Huế */
  { "48", 16.054, 108.202 },  /* Đà Nẵng */
  { "51", 15.120, 108.792 },  /* Quảng Ngãi */
  { "52", 13.776, 109.224 },  /* Gia Lai: seat at Quy Nhơn */
  { "56", 12.238, 109.197 },  /* Khánh Hòa: Nha Trang */
  { "66", 12.667, 108.038 },  /* Đắk Lắk: Buôn Ma Thuột */
  { "68", 11.940, 108.458 },  /* Lâm Đồng: Đà Lạt */
  { "75", 10.957, 106.843 },  /* Đồng Nai: Biên Hòa */
  { "79", 10.776, 106.701 },  /* Hồ Chí Minh City */
  { "80", 10.535, 106.413 },  /* Tây Ninh: seat at Tân An */
  { "82", 10.360, 106.360 },  /* Đồng Tháp: seat at Mỹ Tho */
  { "86", 10.254, 105.972 },  /* Vĩnh Long */
  { "91", 10.012, 105.081 },  /* An Giang: seat at Rạch Giá */
  { "92", 10.045, 105.747 },  /* Cần Thơ */
  { "96",  9.177, 105.150 },  /* Cà Mau */
};

static const Centre *
find_centre (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (centres); i++)
    if (g_str_equal (centres[i].code, code))
      return &centres[i];
  return NULL;
}

/**
 * vt_travel_distance_km:
 * @from_code: a 2025 province code
 * @to_code: a 2025 province code
 *
 * Returns: the great-circle distance between the two centres, or -1 when a
 *   code is unknown
 */
double
vt_travel_distance_km (const char *from_code,
                       const char *to_code)
{
  const Centre *a = find_centre (from_code);
  const Centre *b = find_centre (to_code);
  double lat1, lat2, dlat, dlon, h;

  if (a == NULL || b == NULL)
    return -1;

  lat1 = a->lat * G_PI / 180;
  lat2 = b->lat * G_PI / 180;
  dlat = lat2 - lat1;
  dlon = (b->lon - a->lon) * G_PI / 180;
  h = sin (dlat / 2) * sin (dlat / 2) + cos (lat1) * cos (lat2) * sin (dlon / 2) * sin (dlon / 2);
  return 2 * EARTH_RADIUS_KM * asin (MIN (1.0, sqrt (h)));
}

/**
 * vt_travel_minutes:
 *
 * Returns: the minutes a team needs between a factory in one province and
 *   one in another (see the rule above), or -1 when a code is unknown
 */
int
vt_travel_minutes (const char *from_code,
                   const char *to_code)
{
  double km = vt_travel_distance_km (from_code, to_code);
  double minutes;

  if (km < 0)
    return -1;
  if (g_strcmp0 (from_code, to_code) == 0)
    return VT_TRAVEL_MINIMUM_MINUTES;

  minutes = km * ROAD_FACTOR / ROAD_KMH * 60;
  if (km > FLIGHT_MIN_KM)
    minutes = MIN (minutes, FLIGHT_OVERHEAD_MINUTES + km / FLIGHT_KMH * 60);
  return MAX (VT_TRAVEL_MINIMUM_MINUTES, (int) ceil (minutes));
}
