-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1: the whole domain model (../../DESIGN.md, "Domain model").
--
-- Conventions:
-- * Every table has an INTEGER PRIMARY KEY so that row ids never change
--   (VACUUM renumbers implicit rowids, which would break the search index).
--   Suppliers also carry a random UUID: that is their stable public identity.
-- * Timestamps are ISO 8601 in UTC ("2025-07-24T03:00:00.000000Z"); dates
--   are "YYYY-MM-DD".
-- * Rows that people edit carry a `version` for optimistic locking.
-- * No triggers and no views: the application disables both on its
--   connection, so that a database file from elsewhere cannot run code.
-- * Columns ending in _fold/_initials/sort_key are derived by the
--   application (search folding, ICU sort keys) and never typed by people.

CREATE TABLE provinces (
  list_id TEXT NOT NULL CHECK (list_id IN ('2025', 'pre2025')),
  code TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  short_name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_ko TEXT,
  successor_code TEXT,
  PRIMARY KEY (list_id, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  starts_on TEXT,
  ends_on TEXT,
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- The target number of suppliers that should reach a stage in a round.
-- Changes mid-round are kept in audit_log.
CREATE TABLE round_targets (
  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  target INTEGER NOT NULL CHECK (target >= 0),
  PRIMARY KEY (round_id, stage)
) STRICT, WITHOUT ROWID;

CREATE TABLE suppliers (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),
  code TEXT,
  name_vi TEXT NOT NULL CHECK (name_vi <> ''),
  name_en TEXT,
  name_ko TEXT,
  tax_code TEXT CHECK (tax_code IS NULL
                       OR (length (tax_code) = 10 AND tax_code NOT GLOB '*[^0-9]*')
                       OR (length (tax_code) = 14 AND substr (tax_code, 11, 1) = '-'
                           AND substr (tax_code, 1, 10) NOT GLOB '*[^0-9]*'
                           AND substr (tax_code, 12, 3) NOT GLOB '*[^0-9]*')),
  sector TEXT NOT NULL DEFAULT 'other'
    CHECK (sector IN ('automotive', 'electrical-electronic', 'other')),
  products TEXT,
  province_list TEXT,
  province_code TEXT,
  -- The 2025 unit the province is part of, '' when none: filters and sorts
  -- treat an old dossier's province as the unit it became part of.
  province_2025 TEXT NOT NULL DEFAULT '',
  industrial_zone TEXT,
  address TEXT,
  founded_year INTEGER CHECK (founded_year IS NULL OR founded_year BETWEEN 1800 AND 2200),
  employees INTEGER CHECK (employees IS NULL OR employees >= 0),
  revenue_vnd INTEGER CHECK (revenue_vnd IS NULL OR revenue_vnd >= 0),
  ownership TEXT NOT NULL DEFAULT 'unknown'
    CHECK (ownership IN ('unknown', 'domestic-private', 'state', 'korean-invested',
                         'other-foreign', 'joint-venture')),
  notes TEXT,
  -- Cache of the latest stage_history row; stage_history is the truth.
  stage TEXT NOT NULL DEFAULT 'received',
  round_id INTEGER REFERENCES rounds (id) ON DELETE SET NULL,
  -- Cache of the latest assessment's index, -1 when never assessed.
  readiness REAL NOT NULL DEFAULT -1,
  name_vi_fold TEXT NOT NULL,
  name_en_fold TEXT,
  name_ko_fold TEXT,
  name_ko_initials TEXT,
  search_fold TEXT NOT NULL,
  sort_key BLOB NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (province_list, province_code) REFERENCES provinces (list_id, code)
) STRICT;

CREATE INDEX suppliers_sort ON suppliers (sort_key, uuid);
CREATE INDEX suppliers_stage ON suppliers (stage, sort_key, uuid);
CREATE INDEX suppliers_round ON suppliers (round_id, sort_key, uuid);
CREATE INDEX suppliers_sector ON suppliers (sector, sort_key, uuid);
CREATE INDEX suppliers_province ON suppliers (province_2025, sort_key, uuid);
CREATE INDEX suppliers_readiness ON suppliers (readiness, sort_key, uuid);
CREATE INDEX suppliers_updated ON suppliers (updated_at, sort_key, uuid);
CREATE INDEX suppliers_tax_code ON suppliers (tax_code);
CREATE INDEX suppliers_name_vi_fold ON suppliers (name_vi_fold);
CREATE INDEX suppliers_name_en_fold ON suppliers (name_en_fold);
CREATE INDEX suppliers_name_ko_fold ON suppliers (name_ko_fold);
CREATE INDEX suppliers_name_ko_initials ON suppliers (name_ko_initials);

CREATE TABLE certifications (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  standard TEXT NOT NULL CHECK (standard <> ''),
  certificate_no TEXT,
  issuer TEXT,
  issued_on TEXT,
  expires_on TEXT
) STRICT;
CREATE INDEX certifications_supplier ON certifications (supplier_id);
CREATE INDEX certifications_standard ON certifications (standard, supplier_id);

CREATE TABLE korean_customers (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> ''),
  since_year INTEGER,
  notes TEXT
) STRICT;
CREATE INDEX korean_customers_supplier ON korean_customers (supplier_id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  family_name TEXT,
  middle_name TEXT,
  given_name TEXT NOT NULL CHECK (given_name <> ''),
  role TEXT,
  phone TEXT,
  email TEXT
) STRICT;
CREATE INDEX contacts_supplier ON contacts (supplier_id);

CREATE TABLE stage_history (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  round_id INTEGER REFERENCES rounds (id) ON DELETE SET NULL,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  reason TEXT
) STRICT;
CREATE INDEX stage_history_supplier ON stage_history (supplier_id, id);
CREATE INDEX stage_history_round ON stage_history (round_id, to_stage);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'consultant', 'interpreter', 'official', 'other')),
  family_name TEXT,
  middle_name TEXT,
  given_name TEXT NOT NULL CHECK (given_name <> ''),
  organisation TEXT,
  specialty TEXT,
  languages TEXT,
  email TEXT,
  phone TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  round_id INTEGER REFERENCES rounds (id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('first', 'second', 'follow-up', 'technical-assistance')),
  status TEXT NOT NULL CHECK (status IN ('planned', 'confirmed', 'done', 'postponed', 'cancelled')),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK (ends_at >= starts_at),
  place TEXT,
  purpose TEXT,
  findings TEXT,
  follow_up TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX visits_supplier ON visits (supplier_id, starts_at);
CREATE INDEX visits_starts ON visits (starts_at);

CREATE TABLE visit_participants (
  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  PRIMARY KEY (visit_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX visit_participants_person ON visit_participants (person_id);

-- A criterion set is never edited in place once it has been used: a new
-- version is saved instead, so old assessments keep their meaning.
CREATE TABLE criterion_sets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  set_version INTEGER NOT NULL DEFAULT 1,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  notes TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (name, set_version)
) STRICT;

CREATE TABLE criteria (
  id INTEGER PRIMARY KEY,
  set_id INTEGER NOT NULL REFERENCES criterion_sets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  area TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_vi TEXT,
  name_ko TEXT,
  weight REAL NOT NULL CHECK (weight >= 0 AND weight <= 100),
  knockout INTEGER NOT NULL DEFAULT 0 CHECK (knockout IN (0, 1)),
  UNIQUE (set_id, code)
) STRICT;

CREATE TABLE criterion_levels (
  criterion_id INTEGER NOT NULL REFERENCES criteria (id) ON DELETE CASCADE,
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
  description TEXT NOT NULL,
  PRIMARY KEY (criterion_id, level)
) STRICT, WITHOUT ROWID;

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  visit_id INTEGER REFERENCES visits (id) ON DELETE SET NULL,
  set_id INTEGER NOT NULL REFERENCES criterion_sets (id) ON DELETE RESTRICT,
  assessed_on TEXT NOT NULL,
  notes TEXT,
  -- Computed from the scores by the application, never typed.
  readiness REAL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX assessments_supplier ON assessments (supplier_id, assessed_on);

CREATE TABLE assessment_assessors (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  PRIMARY KEY (assessment_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE scores (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  criterion_id INTEGER NOT NULL REFERENCES criteria (id) ON DELETE RESTRICT,
  score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 5),
  comment TEXT,
  PRIMARY KEY (assessment_id, criterion_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
  visit_id INTEGER REFERENCES visits (id) ON DELETE SET NULL,
  filename TEXT NOT NULL CHECK (filename <> ''),
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK (size = length (data))
) STRICT;
CREATE INDEX attachments_supplier ON attachments (supplier_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT,
  old_value TEXT,
  new_value TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);


-- The 34 provincial-level units in force since 1 July 2025 (Resolution
-- 202/2025/QH15) and the 63 units before, with the unit each was merged into.
-- Codes were reused, so a stored province names its list as well.
INSERT INTO provinces (list_id, code, name_vi, short_name_vi, name_en, name_ko, successor_code) VALUES
  ('2025', '01', 'Thành phố Hà Nội', 'Hà Nội', 'Ha Noi (Hanoi) City', '하노이', NULL),
  ('2025', '04', 'Tỉnh Cao Bằng', 'Cao Bằng', 'Cao Bang Province', '까오방', NULL),
  ('2025', '08', 'Tỉnh Tuyên Quang', 'Tuyên Quang', 'Tuyen Quang Province', '뚜옌꽝', NULL),
  ('2025', '11', 'Tỉnh Điện Biên', 'Điện Biên', 'Dien Bien Province', '디엔비엔', NULL),
  ('2025', '12', 'Tỉnh Lai Châu', 'Lai Châu', 'Lai Chau Province', '라이쩌우', NULL),
  ('2025', '14', 'Tỉnh Sơn La', 'Sơn La', 'Son La Province', '선라', NULL),
  ('2025', '15', 'Tỉnh Lào Cai', 'Lào Cai', 'Lao Cai Province', '라오까이', NULL),
  ('2025', '19', 'Tỉnh Thái Nguyên', 'Thái Nguyên', 'Thai Nguyen Province', '타이응우옌', NULL),
  ('2025', '20', 'Tỉnh Lạng Sơn', 'Lạng Sơn', 'Lang Son Province', '랑선', NULL),
  ('2025', '22', 'Tỉnh Quảng Ninh', 'Quảng Ninh', 'Quang Ninh Province', '꽝닌', NULL),
  ('2025', '24', 'Tỉnh Bắc Ninh', 'Bắc Ninh', 'Bac Ninh Province', '박닌', NULL),
  ('2025', '25', 'Tỉnh Phú Thọ', 'Phú Thọ', 'Phu Tho Province', '푸토', NULL),
  ('2025', '31', 'Thành phố Hải Phòng', 'Hải Phòng', 'Hai Phong City', '하이퐁', NULL),
  ('2025', '33', 'Tỉnh Hưng Yên', 'Hưng Yên', 'Hung Yen Province', '흥옌', NULL),
  ('2025', '37', 'Tỉnh Ninh Bình', 'Ninh Bình', 'Ninh Binh Province', '닌빈', NULL),
  ('2025', '38', 'Tỉnh Thanh Hóa', 'Thanh Hóa', 'Thanh Hoa Province', '타인호아', NULL),
  ('2025', '40', 'Tỉnh Nghệ An', 'Nghệ An', 'Nghe An Province', '응에안', NULL),
  ('2025', '42', 'Tỉnh Hà Tĩnh', 'Hà Tĩnh', 'Ha Tinh Province', '하띤', NULL),
  ('2025', '44', 'Tỉnh Quảng Trị', 'Quảng Trị', 'Quang Tri Province', '꽝찌', NULL),
  ('2025', '46', 'Thành phố Huế', 'Huế', 'Hue City', '후에', NULL),
  ('2025', '48', 'Thành phố Đà Nẵng', 'Đà Nẵng', 'Da Nang City', '다낭', NULL),
  ('2025', '51', 'Tỉnh Quảng Ngãi', 'Quảng Ngãi', 'Quang Ngai Province', '꽝응아이', NULL),
  ('2025', '52', 'Tỉnh Gia Lai', 'Gia Lai', 'Gia Lai Province', '자라이', NULL),
  ('2025', '56', 'Tỉnh Khánh Hòa', 'Khánh Hòa', 'Khanh Hoa Province', '카인호아', NULL),
  ('2025', '66', 'Tỉnh Đắk Lắk', 'Đắk Lắk', 'Dak Lak Province', '닥락', NULL),
  ('2025', '68', 'Tỉnh Lâm Đồng', 'Lâm Đồng', 'Lam Dong Province', '럼동', NULL),
  ('2025', '75', 'Tỉnh Đồng Nai', 'Đồng Nai', 'Dong Nai Province', '동나이', NULL),
  ('2025', '79', 'Thành phố Hồ Chí Minh', 'Hồ Chí Minh', 'Ho Chi Minh City', '호찌민', NULL),
  ('2025', '80', 'Tỉnh Tây Ninh', 'Tây Ninh', 'Tay Ninh Province', '떠이닌', NULL),
  ('2025', '82', 'Tỉnh Đồng Tháp', 'Đồng Tháp', 'Dong Thap Province', '동탑', NULL),
  ('2025', '86', 'Tỉnh Vĩnh Long', 'Vĩnh Long', 'Vinh Long Province', '빈롱', NULL),
  ('2025', '91', 'Tỉnh An Giang', 'An Giang', 'An Giang Province', '안장', NULL),
  ('2025', '92', 'Thành phố Cần Thơ', 'Cần Thơ', 'Can Tho City', '껀터', NULL),
  ('2025', '96', 'Tỉnh Cà Mau', 'Cà Mau', 'Ca Mau Province', '까마우', NULL),
  ('pre2025', '01', 'Thành phố Hà Nội', 'Hà Nội', 'Ha Noi City', NULL, '01'),
  ('pre2025', '02', 'Tỉnh Hà Giang', 'Hà Giang', 'Ha Giang Province', NULL, '08'),
  ('pre2025', '04', 'Tỉnh Cao Bằng', 'Cao Bằng', 'Cao Bang Province', NULL, '04'),
  ('pre2025', '06', 'Tỉnh Bắc Kạn', 'Bắc Kạn', 'Bac Kan Province', NULL, '19'),
  ('pre2025', '08', 'Tỉnh Tuyên Quang', 'Tuyên Quang', 'Tuyen Quang Province', NULL, '08'),
  ('pre2025', '10', 'Tỉnh Lào Cai', 'Lào Cai', 'Lao Cai Province', NULL, '15'),
  ('pre2025', '11', 'Tỉnh Điện Biên', 'Điện Biên', 'Dien Bien Province', NULL, '11'),
  ('pre2025', '12', 'Tỉnh Lai Châu', 'Lai Châu', 'Lai Chau Province', NULL, '12'),
  ('pre2025', '14', 'Tỉnh Sơn La', 'Sơn La', 'Son La Province', NULL, '14'),
  ('pre2025', '15', 'Tỉnh Yên Bái', 'Yên Bái', 'Yen Bai Province', NULL, '15'),
  ('pre2025', '17', 'Tỉnh Hòa Bình', 'Hòa Bình', 'Hoa Binh Province', NULL, '25'),
  ('pre2025', '19', 'Tỉnh Thái Nguyên', 'Thái Nguyên', 'Thai Nguyen Province', NULL, '19'),
  ('pre2025', '20', 'Tỉnh Lạng Sơn', 'Lạng Sơn', 'Lang Son Province', NULL, '20'),
  ('pre2025', '22', 'Tỉnh Quảng Ninh', 'Quảng Ninh', 'Quang Ninh Province', NULL, '22'),
  ('pre2025', '24', 'Tỉnh Bắc Giang', 'Bắc Giang', 'Bac Giang Province', NULL, '24'),
  ('pre2025', '25', 'Tỉnh Phú Thọ', 'Phú Thọ', 'Phu Tho Province', NULL, '25'),
  ('pre2025', '26', 'Tỉnh Vĩnh Phúc', 'Vĩnh Phúc', 'Vinh Phuc Province', NULL, '25'),
  ('pre2025', '27', 'Tỉnh Bắc Ninh', 'Bắc Ninh', 'Bac Ninh Province', NULL, '24'),
  ('pre2025', '30', 'Tỉnh Hải Dương', 'Hải Dương', 'Hai Duong Province', NULL, '31'),
  ('pre2025', '31', 'Thành phố Hải Phòng', 'Hải Phòng', 'Hai Phong City', NULL, '31'),
  ('pre2025', '33', 'Tỉnh Hưng Yên', 'Hưng Yên', 'Hung Yen Province', NULL, '33'),
  ('pre2025', '34', 'Tỉnh Thái Bình', 'Thái Bình', 'Thai Binh Province', NULL, '33'),
  ('pre2025', '35', 'Tỉnh Hà Nam', 'Hà Nam', 'Ha Nam Province', NULL, '37'),
  ('pre2025', '36', 'Tỉnh Nam Định', 'Nam Định', 'Nam Dinh Province', NULL, '37'),
  ('pre2025', '37', 'Tỉnh Ninh Bình', 'Ninh Bình', 'Ninh Binh Province', NULL, '37'),
  ('pre2025', '38', 'Tỉnh Thanh Hóa', 'Thanh Hóa', 'Thanh Hoa Province', NULL, '38'),
  ('pre2025', '40', 'Tỉnh Nghệ An', 'Nghệ An', 'Nghe An Province', NULL, '40'),
  ('pre2025', '42', 'Tỉnh Hà Tĩnh', 'Hà Tĩnh', 'Ha Tinh Province', NULL, '42'),
  ('pre2025', '44', 'Tỉnh Quảng Bình', 'Quảng Bình', 'Quang Binh Province', NULL, '44'),
  ('pre2025', '45', 'Tỉnh Quảng Trị', 'Quảng Trị', 'Quang Tri Province', NULL, '44'),
  ('pre2025', '46', 'Thành phố Huế', 'Huế', 'Hue City', NULL, '46'),
  ('pre2025', '48', 'Thành phố Đà Nẵng', 'Đà Nẵng', 'Da Nang City', NULL, '48'),
  ('pre2025', '49', 'Tỉnh Quảng Nam', 'Quảng Nam', 'Quang Nam Province', NULL, '48'),
  ('pre2025', '51', 'Tỉnh Quảng Ngãi', 'Quảng Ngãi', 'Quang Ngai Province', NULL, '51'),
  ('pre2025', '52', 'Tỉnh Bình Định', 'Bình Định', 'Binh Dinh Province', NULL, '52'),
  ('pre2025', '54', 'Tỉnh Phú Yên', 'Phú Yên', 'Phu Yen Province', NULL, '66'),
  ('pre2025', '56', 'Tỉnh Khánh Hòa', 'Khánh Hòa', 'Khanh Hoa Province', NULL, '56'),
  ('pre2025', '58', 'Tỉnh Ninh Thuận', 'Ninh Thuận', 'Ninh Thuan Province', NULL, '56'),
  ('pre2025', '60', 'Tỉnh Bình Thuận', 'Bình Thuận', 'Binh Thuan Province', NULL, '68'),
  ('pre2025', '62', 'Tỉnh Kon Tum', 'Kon Tum', 'Kon Tum Province', NULL, '51'),
  ('pre2025', '64', 'Tỉnh Gia Lai', 'Gia Lai', 'Gia Lai Province', NULL, '52'),
  ('pre2025', '66', 'Tỉnh Đắk Lắk', 'Đắk Lắk', 'Dak Lak Province', NULL, '66'),
  ('pre2025', '67', 'Tỉnh Đắk Nông', 'Đắk Nông', 'Dak Nong Province', NULL, '68'),
  ('pre2025', '68', 'Tỉnh Lâm Đồng', 'Lâm Đồng', 'Lam Dong Province', NULL, '68'),
  ('pre2025', '70', 'Tỉnh Bình Phước', 'Bình Phước', 'Binh Phuoc Province', NULL, '75'),
  ('pre2025', '72', 'Tỉnh Tây Ninh', 'Tây Ninh', 'Tay Ninh Province', NULL, '80'),
  ('pre2025', '74', 'Tỉnh Bình Dương', 'Bình Dương', 'Binh Duong Province', NULL, '79'),
  ('pre2025', '75', 'Tỉnh Đồng Nai', 'Đồng Nai', 'Dong Nai Province', NULL, '75'),
  ('pre2025', '77', 'Tỉnh Bà Rịa–Vũng Tàu', 'Bà Rịa–Vũng Tàu', 'Ba Ria–Vung Tau Province', NULL, '79'),
  ('pre2025', '79', 'Thành phố Hồ Chí Minh', 'Hồ Chí Minh', 'Ho Chi Minh City', NULL, '79'),
  ('pre2025', '80', 'Tỉnh Long An', 'Long An', 'Long An Province', NULL, '80'),
  ('pre2025', '82', 'Tỉnh Tiền Giang', 'Tiền Giang', 'Tien Giang Province', NULL, '82'),
  ('pre2025', '83', 'Tỉnh Bến Tre', 'Bến Tre', 'Ben Tre Province', NULL, '86'),
  ('pre2025', '84', 'Tỉnh Trà Vinh', 'Trà Vinh', 'Tra Vinh Province', NULL, '86'),
  ('pre2025', '86', 'Tỉnh Vĩnh Long', 'Vĩnh Long', 'Vinh Long Province', NULL, '86'),
  ('pre2025', '87', 'Tỉnh Đồng Tháp', 'Đồng Tháp', 'Dong Thap Province', NULL, '82'),
  ('pre2025', '89', 'Tỉnh An Giang', 'An Giang', 'An Giang Province', NULL, '91'),
  ('pre2025', '91', 'Tỉnh Kiên Giang', 'Kiên Giang', 'Kien Giang Province', NULL, '91'),
  ('pre2025', '92', 'Thành phố Cần Thơ', 'Cần Thơ', 'Can Tho City', NULL, '92'),
  ('pre2025', '93', 'Tỉnh Hậu Giang', 'Hậu Giang', 'Hau Giang Province', NULL, '92'),
  ('pre2025', '94', 'Tỉnh Sóc Trăng', 'Sóc Trăng', 'Soc Trang Province', NULL, '92'),
  ('pre2025', '95', 'Tỉnh Bạc Liêu', 'Bạc Liêu', 'Bac Lieu Province', NULL, '96'),
  ('pre2025', '96', 'Tỉnh Cà Mau', 'Cà Mau', 'Ca Mau Province', NULL, '96');
