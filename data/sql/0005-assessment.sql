-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 5: readiness assessment as the consultants run it.
--
-- * A criterion is scored on a 0-5 scale with a written level description,
--   or on the automotive-audit scale 0/4/6/8/10 (levels 0-4 stored as the
--   level number, so scores.score stays a level).
-- * Level descriptions are written in English, Vietnamese and Korean.
-- * A criterion set carries its band rules, so a later change of the
--   thresholds never changes an old assessment's band.
-- * An assessment stores its computed band and whether it is a draft, the
--   independent scores of each assessor, evidence photos per criterion and
--   improvement actions, checked at the next assessment.
-- * A new version of the default set covers the ten areas of the
--   programme; the first version stays for the assessments that used it.

ALTER TABLE criterion_sets ADD COLUMN ready_min REAL NOT NULL DEFAULT 80
  CHECK (ready_min > 0 AND ready_min <= 100);
ALTER TABLE criterion_sets ADD COLUMN conditional_min REAL NOT NULL DEFAULT 60
  CHECK (conditional_min > 0 AND conditional_min <= 100);
-- An area whose score is this many points under the mean of the other
-- areas lowers the band by one step.
ALTER TABLE criterion_sets ADD COLUMN area_gap REAL NOT NULL DEFAULT 30
  CHECK (area_gap > 0 AND area_gap <= 100);
-- The share of the weight (percent) that must be scored for an index.
ALTER TABLE criterion_sets ADD COLUMN min_coverage REAL NOT NULL DEFAULT 80
  CHECK (min_coverage > 0 AND min_coverage <= 100);

ALTER TABLE criteria ADD COLUMN scale TEXT NOT NULL DEFAULT 'levels'
  CHECK (scale IN ('levels', 'audit'));

ALTER TABLE criterion_levels ADD COLUMN description_vi TEXT;
ALTER TABLE criterion_levels ADD COLUMN description_ko TEXT;

ALTER TABLE assessments ADD COLUMN band TEXT
  CHECK (band IS NULL OR band IN ('not-ready', 'conditional', 'ready'));
ALTER TABLE assessments ADD COLUMN draft INTEGER NOT NULL DEFAULT 0
  CHECK (draft IN (0, 1));

-- Each assessor's own score before the consensus in scores.
CREATE TABLE assessor_scores (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  criterion_id INTEGER NOT NULL REFERENCES criteria (id) ON DELETE RESTRICT,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
  comment TEXT,
  PRIMARY KEY (assessment_id, person_id, criterion_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE score_evidence (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  criterion_id INTEGER NOT NULL REFERENCES criteria (id) ON DELETE RESTRICT,
  attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
  PRIMARY KEY (assessment_id, criterion_id, attachment_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX score_evidence_attachment ON score_evidence (attachment_id);

-- An action agreed at one assessment, tied to a criterion by its code so
-- that it can be checked at the next one even under a newer set version.
CREATE TABLE improvement_actions (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  criterion_code TEXT NOT NULL CHECK (criterion_code <> ''),
  action TEXT NOT NULL CHECK (action <> ''),
  owner TEXT,
  due_on TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'not-done')),
  checked_in INTEGER REFERENCES assessments (id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX improvement_actions_assessment ON improvement_actions (assessment_id);
CREATE INDEX improvement_actions_checked ON improvement_actions (checked_in);

-- Assessments made before this version were final; their band follows
-- from the old thresholds' successors on the next save.
UPDATE assessments SET band = CASE
    WHEN readiness IS NULL THEN NULL
    WHEN readiness >= 80 THEN 'ready'
    WHEN readiness >= 60 THEN 'conditional'
    ELSE 'not-ready' END;

-- The second version of the default set.
UPDATE criterion_sets SET is_default = 0 WHERE is_default;
INSERT INTO criterion_sets (name, set_version, is_default, notes, created_at, updated_at)
SELECT 'VITASK readiness', coalesce (max (set_version), 0) + 1, 1,
       'Ten areas: quality system and process control, quality results, delivery and capacity, cost, development, management and people, finance, EHS, digitalisation, buyer and export experience.',
       '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z'
FROM criterion_sets WHERE name = 'VITASK readiness';

INSERT INTO criteria (set_id, position, code, area, name_en, name_vi, name_ko, weight, knockout, scale)
SELECT (SELECT id FROM criterion_sets WHERE is_default), column1, column2, column3, column4, column5, column6, column7, column8, column9
FROM (VALUES
  (1, 'qms', 'quality-system', 'Quality management system', 'Hệ thống quản lý chất lượng', '품질경영시스템', 10, 1, 'levels'),
  (2, 'process-control', 'quality-system', 'Process control', 'Kiểm soát quá trình', '공정 관리', 8, 0, 'levels'),
  (3, 'quality-results', 'quality-results', 'Defect rate and customer complaints', 'Tỷ lệ lỗi và khiếu nại của khách hàng', '불량률 및 고객 불만', 12, 0, 'levels'),
  (4, 'on-time-delivery', 'delivery', 'On-time delivery', 'Giao hàng đúng hạn', '납기 준수', 8, 0, 'levels'),
  (5, 'capacity', 'delivery', 'Capacity and equipment', 'Năng lực sản xuất và thiết bị', '생산능력 및 설비', 6, 0, 'levels'),
  (6, 'cost', 'cost', 'Cost control and competitiveness', 'Kiểm soát chi phí và năng lực cạnh tranh', '원가 관리 및 경쟁력', 8, 0, 'levels'),
  (7, 'ppap', 'development', 'Readiness for a PPAP submission', 'Sẵn sàng nộp hồ sơ PPAP', 'PPAP 제출 준비', 8, 0, 'audit'),
  (8, 'engineering', 'development', 'Engineering and tooling', 'Kỹ thuật và khuôn, đồ gá', '엔지니어링 및 금형·지그', 6, 0, 'levels'),
  (9, '5s-safety', 'management', '5S and workplace safety', '5S và an toàn nơi làm việc', '5S 및 작업장 안전', 6, 0, 'audit'),
  (10, 'management', 'management', 'Management and training', 'Quản lý và đào tạo', '경영 및 교육훈련', 5, 0, 'levels'),
  (11, 'finance', 'finance', 'Financial health', 'Tình hình tài chính', '재무 건전성', 7, 0, 'levels'),
  (12, 'ehs', 'ehs', 'Environment, health and safety compliance', 'Tuân thủ môi trường, sức khỏe và an toàn', '환경·보건·안전 준수', 6, 1, 'levels'),
  (13, 'smart-factory', 'digital', 'Smart-factory level', 'Cấp độ nhà máy thông minh', '스마트공장 수준', 5, 0, 'levels'),
  (14, 'buyers', 'buyers', 'Buyer and export experience', 'Kinh nghiệm với khách hàng và xuất khẩu', '바이어 및 수출 경험', 5, 0, 'levels')
);

INSERT INTO criterion_levels (criterion_id, level, description, description_vi, description_ko)
SELECT c.id, v.column2, v.column3, v.column4, v.column5
FROM (VALUES
  ('qms', 0, 'No quality system; parts are inspected only after a complaint.', 'Chưa có hệ thống chất lượng; chỉ kiểm tra khi khách hàng khiếu nại.', '품질시스템 없음. 고객 불만이 있을 때만 검사함.'),
  ('qms', 1, 'Final inspection with records; no written procedures.', 'Có kiểm tra cuối và hồ sơ; chưa có quy trình bằng văn bản.', '최종 검사와 기록은 있으나 문서화된 절차 없음.'),
  ('qms', 2, 'Written procedures for incoming, in-process and final inspection.', 'Có quy trình bằng văn bản cho kiểm tra đầu vào, trong quá trình và cuối cùng.', '수입·공정·출하 검사 절차가 문서화됨.'),
  ('qms', 3, 'ISO 9001 certified and followed on the shop floor.', 'Đạt chứng nhận ISO 9001 và được áp dụng tại xưởng.', 'ISO 9001 인증을 받고 현장에서 준수함.'),
  ('qms', 4, 'ISO 9001 with internal audits, corrective actions and management review.', 'ISO 9001 cùng đánh giá nội bộ, hành động khắc phục và xem xét của lãnh đạo.', 'ISO 9001에 내부심사, 시정조치, 경영검토가 운영됨.'),
  ('qms', 5, 'IATF 16949 or equivalent, audited by a major buyer.', 'Đạt IATF 16949 hoặc tương đương, được khách hàng lớn đánh giá.', 'IATF 16949 또는 동등 수준이며 주요 바이어의 심사를 받음.'),
  ('process-control', 0, 'No process standards; settings depend on the operator.', 'Chưa có tiêu chuẩn quá trình; thông số tùy người vận hành.', '공정 표준 없음. 작업자에 따라 조건이 달라짐.'),
  ('process-control', 1, 'Work instructions exist but are not used at the machines.', 'Có hướng dẫn công việc nhưng không dùng tại máy.', '작업표준서는 있으나 설비 현장에서 사용하지 않음.'),
  ('process-control', 2, 'Work instructions at the machines; first-piece checks.', 'Hướng dẫn công việc tại máy; kiểm tra sản phẩm đầu tiên.', '설비별 작업표준서와 초품 검사가 있음.'),
  ('process-control', 3, 'Control plans for key parts; measuring tools calibrated.', 'Có kế hoạch kiểm soát cho chi tiết chính; dụng cụ đo được hiệu chuẩn.', '주요 부품의 관리계획서가 있고 측정기가 교정됨.'),
  ('process-control', 4, 'SPC on key characteristics; FMEA kept up to date.', 'Áp dụng SPC cho đặc tính quan trọng; FMEA được cập nhật.', '주요 특성에 SPC를 적용하고 FMEA를 최신으로 유지함.'),
  ('process-control', 5, 'Capable processes (Cpk ≥ 1.33) and error-proofing on critical steps.', 'Quá trình đủ năng lực (Cpk ≥ 1,33) và chống sai lỗi ở công đoạn quan trọng.', '공정능력 확보(Cpk ≥ 1.33), 핵심 공정에 실수방지(포카요케) 적용.'),
  ('quality-results', 0, 'Defect rate unknown; frequent returns.', 'Không biết tỷ lệ lỗi; hàng bị trả lại thường xuyên.', '불량률을 모르고 반품이 잦음.'),
  ('quality-results', 1, 'Defects counted; customer rejects above 5 000 ppm.', 'Có đếm lỗi; tỷ lệ khách hàng trả lại trên 5.000 ppm.', '불량을 집계하나 고객 불량이 5,000 ppm 초과.'),
  ('quality-results', 2, 'Customer rejects 1 000–5 000 ppm.', 'Tỷ lệ khách hàng trả lại 1.000–5.000 ppm.', '고객 불량 1,000–5,000 ppm.'),
  ('quality-results', 3, 'Customer rejects 200–1 000 ppm; complaints answered with 8D.', 'Tỷ lệ trả lại 200–1.000 ppm; khiếu nại được xử lý theo 8D.', '고객 불량 200–1,000 ppm, 불만은 8D로 대응.'),
  ('quality-results', 4, 'Customer rejects 50–200 ppm and falling.', 'Tỷ lệ trả lại 50–200 ppm và đang giảm.', '고객 불량 50–200 ppm이며 감소 추세.'),
  ('quality-results', 5, 'Customer rejects under 50 ppm for a year.', 'Tỷ lệ trả lại dưới 50 ppm trong một năm.', '1년간 고객 불량 50 ppm 미만.'),
  ('on-time-delivery', 0, 'Delivery dates are not tracked.', 'Không theo dõi ngày giao hàng.', '납기를 관리하지 않음.'),
  ('on-time-delivery', 1, 'Frequent late deliveries.', 'Thường xuyên giao hàng trễ.', '납기 지연이 잦음.'),
  ('on-time-delivery', 2, 'On-time delivery tracked; below 90 %.', 'Có theo dõi giao hàng đúng hạn; dưới 90 %.', '납기준수율을 관리하나 90 % 미만.'),
  ('on-time-delivery', 3, 'On-time delivery 90–95 %; safety stock for key parts.', 'Giao hàng đúng hạn 90–95 %; có tồn kho an toàn cho chi tiết chính.', '납기준수율 90–95 %, 주요 부품 안전재고 보유.'),
  ('on-time-delivery', 4, 'On-time delivery above 95 %; a planning system in use.', 'Giao hàng đúng hạn trên 95 %; có hệ thống lập kế hoạch.', '납기준수율 95 % 초과, 생산계획 시스템 운영.'),
  ('on-time-delivery', 5, 'On-time delivery above 98 %; just-in-time deliveries to a buyer.', 'Giao hàng đúng hạn trên 98 %; giao hàng JIT cho khách hàng.', '납기준수율 98 % 초과, 바이어에 JIT 납품.'),
  ('capacity', 0, 'Equipment cannot hold the required tolerances.', 'Thiết bị không đạt dung sai yêu cầu.', '설비가 요구 공차를 맞추지 못함.'),
  ('capacity', 1, 'Old, manual equipment; capacity unknown.', 'Thiết bị cũ, thủ công; không rõ năng lực.', '노후 수동 설비, 생산능력 미파악.'),
  ('capacity', 2, 'Adequate equipment; frequent breakdowns; no maintenance plan.', 'Thiết bị đáp ứng; hay hỏng; chưa có kế hoạch bảo trì.', '설비는 적정하나 고장이 잦고 보전계획 없음.'),
  ('capacity', 3, 'Planned maintenance; capacity known and enough for a new order.', 'Bảo trì theo kế hoạch; biết rõ năng lực và đủ cho đơn hàng mới.', '계획보전 운영, 생산능력이 파악되어 신규 주문에 충분함.'),
  ('capacity', 4, 'Modern equipment; OEE measured; spare capacity.', 'Thiết bị hiện đại; đo OEE; còn dư năng lực.', '현대식 설비, OEE 측정, 여유 능력 있음.'),
  ('capacity', 5, 'Automated lines; OEE above 80 %; capacity planned with customers.', 'Dây chuyền tự động; OEE trên 80 %; năng lực được lập kế hoạch cùng khách hàng.', '자동화 라인, OEE 80 % 초과, 고객과 생산능력 계획 공유.'),
  ('cost', 0, 'Costs unknown.', 'Không biết chi phí.', '원가를 모름.'),
  ('cost', 1, 'Prices set without a cost calculation.', 'Định giá không dựa trên tính toán chi phí.', '원가 계산 없이 가격을 정함.'),
  ('cost', 2, 'Cost calculated per product; high scrap.', 'Tính chi phí theo sản phẩm; phế phẩm cao.', '제품별 원가를 계산하나 스크랩이 많음.'),
  ('cost', 3, 'Costs known per process; prices competitive in Vietnam.', 'Biết chi phí theo công đoạn; giá cạnh tranh trong nước.', '공정별 원가 파악, 베트남 내 가격 경쟁력 있음.'),
  ('cost', 4, 'Continuous cost reduction with measured results.', 'Giảm chi phí liên tục với kết quả đo được.', '지속적 원가절감과 성과 측정.'),
  ('cost', 5, 'Cost competitive with regional suppliers to Korean buyers.', 'Chi phí cạnh tranh với nhà cung cấp trong khu vực cho khách hàng Hàn Quốc.', '한국 바이어의 역내 협력사 대비 원가 경쟁력 있음.'),
  ('ppap', 0, 'No part approval documents; PPAP not known.', 'Không có hồ sơ phê duyệt chi tiết; chưa biết PPAP.', '부품 승인 문서 없음, PPAP를 모름.'),
  ('ppap', 1, 'Some elements (drawings, dimensional results) can be prepared.', 'Chuẩn bị được một số phần (bản vẽ, kết quả đo kích thước).', '도면, 치수 측정 결과 등 일부 항목만 준비 가능.'),
  ('ppap', 2, 'Most elements prepared with help; process flow and control plan drafted.', 'Chuẩn bị được phần lớn với sự hỗ trợ; đã có lưu đồ quá trình và kế hoạch kiểm soát dự thảo.', '지원을 받아 대부분 준비 가능, 공정흐름도와 관리계획서 초안 있음.'),
  ('ppap', 3, 'A complete submission prepared in house; capability studies done.', 'Tự chuẩn bị đầy đủ hồ sơ; đã nghiên cứu năng lực quá trình.', '자체적으로 전체 제출물 준비, 공정능력 조사 완료.'),
  ('ppap', 4, 'Submissions approved by an automotive customer.', 'Hồ sơ đã được khách hàng ô tô phê duyệt.', '자동차 고객사로부터 제출물 승인 받음.'),
  ('5s-safety', 0, 'Untidy shop floor; unsafe machines and walkways.', 'Xưởng bừa bộn; máy móc và lối đi không an toàn.', '현장이 정리되지 않고 설비·통로가 위험함.'),
  ('5s-safety', 1, 'Sorting and tidying started; basic protective equipment worn.', 'Đã bắt đầu sàng lọc, sắp xếp; có dùng bảo hộ lao động cơ bản.', '정리·정돈을 시작했고 기본 보호구 착용.'),
  ('5s-safety', 2, '5S in most areas; machine guards; marked walkways.', '5S ở phần lớn khu vực; có che chắn máy; lối đi được kẻ vạch.', '대부분 구역에 5S, 방호장치, 통로 표시.'),
  ('5s-safety', 3, '5S audited monthly; near-misses recorded.', 'Đánh giá 5S hằng tháng; ghi nhận sự cố suýt xảy ra.', '월간 5S 점검, 아차사고 기록.'),
  ('5s-safety', 4, '5S sustained by the operators; visual management everywhere.', 'Công nhân tự duy trì 5S; quản lý trực quan ở mọi nơi.', '작업자가 5S를 자율 유지, 전 구역 눈으로 보는 관리.'),
  ('management', 0, 'No organisation chart; the owner decides everything.', 'Không có sơ đồ tổ chức; chủ doanh nghiệp quyết định mọi việc.', '조직도 없음, 대표가 모든 것을 결정.'),
  ('management', 1, 'Roles defined; little training.', 'Có phân định vai trò; ít đào tạo.', '역할은 정의되었으나 교육이 적음.'),
  ('management', 2, 'A training plan exists; high staff turnover.', 'Có kế hoạch đào tạo; tỷ lệ nghỉ việc cao.', '교육계획은 있으나 이직률이 높음.'),
  ('management', 3, 'Trained staff; regular management review with targets.', 'Nhân viên được đào tạo; lãnh đạo xem xét định kỳ theo mục tiêu.', '교육받은 인력, 목표 기반 정기 경영검토.'),
  ('management', 4, 'Kaizen or similar improvement activities with results.', 'Có hoạt động cải tiến (Kaizen) mang lại kết quả.', '카이젠 등 개선활동과 성과가 있음.'),
  ('management', 5, 'Lean management; key engineers and successors retained.', 'Quản lý tinh gọn; giữ được kỹ sư chủ chốt và người kế nhiệm.', '린 경영, 핵심 엔지니어와 후계자 확보.'),
  ('engineering', 0, 'No engineering staff; copies samples only.', 'Không có kỹ sư; chỉ làm theo mẫu.', '엔지니어 없음, 샘플 모방만 함.'),
  ('engineering', 1, 'Can work from drawings with help.', 'Làm theo bản vẽ khi có hỗ trợ.', '지원을 받으면 도면대로 작업 가능.'),
  ('engineering', 2, 'Own process engineering; tooling bought outside.', 'Tự thiết kế quy trình; mua khuôn, đồ gá bên ngoài.', '자체 공정기술, 금형·지그는 외부 구매.'),
  ('engineering', 3, 'Designs and maintains its own tooling and fixtures.', 'Tự thiết kế và bảo trì khuôn, đồ gá.', '금형·지그를 자체 설계하고 유지보수함.'),
  ('engineering', 4, 'Co-develops parts with customers; measuring lab in house.', 'Cùng khách hàng phát triển chi tiết; có phòng đo lường riêng.', '고객과 부품 공동개발, 자체 측정실 보유.'),
  ('engineering', 5, 'Own product development and testing; recognised innovations.', 'Tự phát triển và thử nghiệm sản phẩm; có sáng kiến được công nhận.', '자체 제품 개발·시험, 인정받은 혁신 실적.'),
  ('finance', 0, 'No financial statements.', 'Không có báo cáo tài chính.', '재무제표 없음.'),
  ('finance', 1, 'Statements exist; losses in recent years.', 'Có báo cáo tài chính; thua lỗ những năm gần đây.', '재무제표는 있으나 최근 적자.'),
  ('finance', 2, 'Break-even; limited access to credit.', 'Hòa vốn; khó tiếp cận tín dụng.', '손익분기 수준, 자금 조달 제한적.'),
  ('finance', 3, 'Profitable; audited statements.', 'Có lãi; báo cáo tài chính được kiểm toán.', '흑자, 감사받은 재무제표.'),
  ('finance', 4, 'Profitable and investing in equipment.', 'Có lãi và đang đầu tư thiết bị.', '흑자이며 설비에 투자 중.'),
  ('finance', 5, 'Strong balance sheet; can finance a large new order.', 'Tài chính vững mạnh; đủ vốn cho đơn hàng lớn mới.', '재무구조가 튼튼하여 대형 신규 주문 자금 조달 가능.'),
  ('ehs', 0, 'Serious safety or environmental hazards seen.', 'Có nguy cơ nghiêm trọng về an toàn hoặc môi trường.', '심각한 안전 또는 환경 위험이 확인됨.'),
  ('ehs', 1, 'Hazards known but not controlled.', 'Biết các nguy cơ nhưng chưa kiểm soát.', '위험을 알고 있으나 관리하지 않음.'),
  ('ehs', 2, 'Basic protective equipment and permits.', 'Có bảo hộ lao động cơ bản và giấy phép.', '기본 보호구와 인허가 보유.'),
  ('ehs', 3, 'Meets Vietnamese regulations; incidents recorded.', 'Đáp ứng quy định của Việt Nam; có ghi nhận sự cố.', '베트남 법규 충족, 사고 기록 관리.'),
  ('ehs', 4, 'ISO 14001 or ISO 45001 certified.', 'Đạt chứng nhận ISO 14001 hoặc ISO 45001.', 'ISO 14001 또는 ISO 45001 인증.'),
  ('ehs', 5, 'Both certified; meets Korean buyers'' codes of conduct.', 'Đạt cả hai chứng nhận; đáp ứng bộ quy tắc ứng xử của khách hàng Hàn Quốc.', '두 인증 모두 보유, 한국 바이어의 행동규범 충족.'),
  ('smart-factory', 0, 'Paper records only.', 'Chỉ có hồ sơ giấy.', '종이 기록만 있음.'),
  ('smart-factory', 1, 'Level 1 (basic): production data partly recorded in computers.', 'Cấp 1 (cơ bản): một phần dữ liệu sản xuất được ghi vào máy tính.', '1단계(기초): 생산 데이터를 일부 전산으로 기록.'),
  ('smart-factory', 2, 'Level 2 (monitoring): production data collected and monitored.', 'Cấp 2 (giám sát): dữ liệu sản xuất được thu thập và theo dõi.', '2단계(모니터링): 생산 데이터를 수집·모니터링.'),
  ('smart-factory', 3, 'Level 3 (analysis): data analysed to control quality and processes.', 'Cấp 3 (phân tích): dữ liệu được phân tích để kiểm soát chất lượng và quá trình.', '3단계(분석): 데이터를 분석하여 품질·공정 제어.'),
  ('smart-factory', 4, 'Level 4 (optimisation): processes optimised from data.', 'Cấp 4 (tối ưu hóa): quá trình được tối ưu hóa từ dữ liệu.', '4단계(최적화): 데이터 기반 공정 최적화.'),
  ('smart-factory', 5, 'Level 5 (autonomous): the plant adjusts itself.', 'Cấp 5 (tự động hóa hoàn toàn): nhà máy tự điều chỉnh.', '5단계(자율운영): 공장이 스스로 조정.'),
  ('buyers', 0, 'Sells only to domestic traders.', 'Chỉ bán cho thương nhân trong nước.', '국내 유통업체에만 판매.'),
  ('buyers', 1, 'Sells to domestic manufacturers.', 'Bán cho nhà sản xuất trong nước.', '국내 제조업체에 판매.'),
  ('buyers', 2, 'Supplies a foreign-invested company in Vietnam.', 'Cung cấp cho doanh nghiệp FDI tại Việt Nam.', '베트남 내 외국인투자기업에 납품.'),
  ('buyers', 3, 'Supplies a Korean company in Vietnam.', 'Cung cấp cho doanh nghiệp Hàn Quốc tại Việt Nam.', '베트남 내 한국 기업에 납품.'),
  ('buyers', 4, 'Exports directly; passed a buyer''s supplier audit.', 'Xuất khẩu trực tiếp; đã qua đánh giá nhà cung cấp của khách hàng.', '직접 수출, 바이어의 협력사 심사 통과.'),
  ('buyers', 5, 'Tier-1 or tier-2 supplier to a global automotive or electronics maker.', 'Nhà cung cấp cấp 1 hoặc 2 cho hãng ô tô hoặc điện tử toàn cầu.', '글로벌 자동차·전자 기업의 1차 또는 2차 협력사.')
) v
JOIN criteria c ON c.code = v.column1 AND c.set_id = (SELECT id FROM criterion_sets WHERE is_default);
