/// \file governance.cpp
/// Tables behind the bundled governance example (`cikit simulate --preset governance`):
/// the cities (units) and one simulation profile per indicator of
/// datasets/governance/governance.yaml.
///
/// ALL DATA MADE FROM THESE TABLES ARE SYNTHETIC. The cities are real names so that the
/// example reads naturally, but no value describes, measures or ranks a real city.
///
/// `UnitProfile::shift` is the mean of a city's general "good governance" factor,
/// G_i ~ N(shift_i, 1) (see simulate.hpp). It is a modest, stylised tier effect in
/// [-0.6, 1.0] — first-tier cities about 0.8-1.0, "new first-tier" cities about 0.5,
/// provincial capitals about 0.2-0.4, other prefecture-level cities about -0.4-0.1 — so that
/// the synthetic data have a plausible structure (larger, richer cities tend to score
/// higher on resource-type indicators). It is an assumption of the simulation, not a
/// judgment of any city; with sd(G) = 1 the tier effect is small next to the noise.
///
/// `governance_profiles()` lists the indicators with the ids and in the order of the spec's
/// leaves (pre-order); keep the two in step when editing either. Locations are typical values on each
/// indicator's natural scale, chosen to look realistic for Chinese prefecture-level cities
/// around 2021-2022 (e.g. registered urban unemployment ~3 %, PM2.5 ~30 ug/m3, 12345
/// resolution rate ~90 %). Direction is not part of a profile: the simulator applies the spec's
/// direction itself (flipping z for "-" indicators, so "better" cities get lower values), so a
/// profile only describes the marginal.

#include <string>
#include <utility>
#include <vector>

#include "methods/simulate/simulate.hpp"

namespace cikit {

namespace {

/// x = mean + sd * z.
IndicatorProfile normal(std::string id, double mean, double sd, int decimals, double loading) {
  IndicatorProfile p;
  p.id = std::move(id);
  p.marginal = Marginal::Normal;
  p.location = mean;
  p.spread = sd;
  p.decimals = decimals;
  p.loading = loading;
  return p;
}

/// x = median * exp(sdlog * z): right-skewed, positive (counts per capita, money, durations).
IndicatorProfile lognormal(std::string id, double median, double sdlog, int decimals,
                           double loading) {
  IndicatorProfile p;
  p.id = std::move(id);
  p.marginal = Marginal::LogNormal;
  p.location = median;
  p.spread = sdlog;
  p.decimals = decimals;
  p.loading = loading;
  return p;
}

/// Bounded rate: x = lower + (upper - lower) * logistic(logit(p0) + spread * z),
/// p0 = (typical - lower) / (upper - lower).
IndicatorProfile proportion(std::string id, double typical, double spread, double lower,
                            double upper, int decimals, double loading) {
  IndicatorProfile p;
  p.id = std::move(id);
  p.marginal = Marginal::Proportion;
  p.location = typical;
  p.spread = spread;
  p.lower = lower;
  p.upper = upper;
  p.decimals = decimals;
  p.loading = loading;
  return p;
}

/// A percentage on 0-100.
IndicatorProfile percent(std::string id, double typical, double spread, int decimals,
                         double loading) {
  return proportion(std::move(id), typical, spread, 0.0, 100.0, decimals, loading);
}

}  // namespace

const std::vector<UnitProfile>& governance_cities() {
  // id, name_zh, name_en, province_zh, shift. The 13 cities of the 2022 Beijing Declaration
  // on urban governance modernisation come first, in the order the report lists them.
  static const std::vector<UnitProfile> cities = {
      // --- the 13 declaration cities ---
      {"beijing", "北京", "Beijing", "北京市", 1.00},
      {"shanghai", "上海", "Shanghai", "上海市", 1.00},
      {"tianjin", "天津", "Tianjin", "天津市", 0.50},
      {"chongqing", "重庆", "Chongqing", "重庆市", 0.45},
      {"shijiazhuang", "石家庄", "Shijiazhuang", "河北省", 0.20},
      {"xiongan", "雄安新区", "Xiong'an", "河北省", 0.20},
      {"hohhot", "呼和浩特", "Hohhot", "内蒙古自治区", 0.15},
      {"hangzhou", "杭州", "Hangzhou", "浙江省", 0.60},
      {"jinan", "济南", "Jinan", "山东省", 0.35},
      {"guangzhou", "广州", "Guangzhou", "广东省", 0.85},
      {"shenzhen", "深圳", "Shenzhen", "广东省", 0.90},
      {"haikou", "海口", "Haikou", "海南省", 0.20},
      {"chengdu", "成都", "Chengdu", "四川省", 0.55},
      // --- other provincial capitals ---
      {"taiyuan", "太原", "Taiyuan", "山西省", 0.20},
      {"shenyang", "沈阳", "Shenyang", "辽宁省", 0.30},
      {"changchun", "长春", "Changchun", "吉林省", 0.25},
      {"harbin", "哈尔滨", "Harbin", "黑龙江省", 0.20},
      {"nanjing", "南京", "Nanjing", "江苏省", 0.55},
      {"hefei", "合肥", "Hefei", "安徽省", 0.45},
      {"fuzhou", "福州", "Fuzhou", "福建省", 0.35},
      {"nanchang", "南昌", "Nanchang", "江西省", 0.25},
      {"zhengzhou", "郑州", "Zhengzhou", "河南省", 0.45},
      {"wuhan", "武汉", "Wuhan", "湖北省", 0.55},
      {"changsha", "长沙", "Changsha", "湖南省", 0.50},
      {"nanning", "南宁", "Nanning", "广西壮族自治区", 0.20},
      {"guiyang", "贵阳", "Guiyang", "贵州省", 0.25},
      {"kunming", "昆明", "Kunming", "云南省", 0.25},
      {"lhasa", "拉萨", "Lhasa", "西藏自治区", 0.10},
      {"xian", "西安", "Xi'an", "陕西省", 0.50},
      {"lanzhou", "兰州", "Lanzhou", "甘肃省", 0.15},
      {"xining", "西宁", "Xining", "青海省", 0.10},
      {"yinchuan", "银川", "Yinchuan", "宁夏回族自治区", 0.15},
      {"urumqi", "乌鲁木齐", "Urumqi", "新疆维吾尔自治区", 0.15},
      // --- east: Hebei ---
      {"tangshan", "唐山", "Tangshan", "河北省", 0.00},
      {"baoding", "保定", "Baoding", "河北省", -0.15},
      {"handan", "邯郸", "Handan", "河北省", -0.25},
      {"langfang", "廊坊", "Langfang", "河北省", -0.05},
      {"qinhuangdao", "秦皇岛", "Qinhuangdao", "河北省", -0.05},
      {"cangzhou", "沧州", "Cangzhou", "河北省", -0.20},
      // --- east: Jiangsu ---
      {"suzhou", "苏州", "Suzhou", "江苏省", 0.55},
      {"wuxi", "无锡", "Wuxi", "江苏省", 0.40},
      {"changzhou", "常州", "Changzhou", "江苏省", 0.30},
      {"nantong", "南通", "Nantong", "江苏省", 0.20},
      {"xuzhou", "徐州", "Xuzhou", "江苏省", 0.05},
      {"yangzhou", "扬州", "Yangzhou", "江苏省", 0.10},
      {"yancheng", "盐城", "Yancheng", "江苏省", 0.00},
      {"zhenjiang", "镇江", "Zhenjiang", "江苏省", 0.10},
      // --- east: Zhejiang ---
      {"ningbo", "宁波", "Ningbo", "浙江省", 0.50},
      {"wenzhou", "温州", "Wenzhou", "浙江省", 0.25},
      {"jiaxing", "嘉兴", "Jiaxing", "浙江省", 0.20},
      {"shaoxing", "绍兴", "Shaoxing", "浙江省", 0.20},
      {"jinhua", "金华", "Jinhua", "浙江省", 0.15},
      {"taizhou", "台州", "Taizhou", "浙江省", 0.10},
      {"huzhou", "湖州", "Huzhou", "浙江省", 0.15},
      // --- east: Fujian ---
      {"xiamen", "厦门", "Xiamen", "福建省", 0.45},
      {"quanzhou", "泉州", "Quanzhou", "福建省", 0.15},
      {"zhangzhou", "漳州", "Zhangzhou", "福建省", -0.05},
      {"putian", "莆田", "Putian", "福建省", -0.10},
      // --- east: Shandong ---
      {"qingdao", "青岛", "Qingdao", "山东省", 0.45},
      {"yantai", "烟台", "Yantai", "山东省", 0.10},
      {"weifang", "潍坊", "Weifang", "山东省", 0.00},
      {"linyi", "临沂", "Linyi", "山东省", -0.15},
      {"zibo", "淄博", "Zibo", "山东省", 0.00},
      {"jining", "济宁", "Jining", "山东省", -0.10},
      {"weihai", "威海", "Weihai", "山东省", 0.10},
      // --- east: Guangdong, Hainan ---
      {"dongguan", "东莞", "Dongguan", "广东省", 0.45},
      {"foshan", "佛山", "Foshan", "广东省", 0.45},
      {"zhuhai", "珠海", "Zhuhai", "广东省", 0.35},
      {"huizhou", "惠州", "Huizhou", "广东省", 0.10},
      {"zhongshan", "中山", "Zhongshan", "广东省", 0.10},
      {"shantou", "汕头", "Shantou", "广东省", -0.10},
      {"jiangmen", "江门", "Jiangmen", "广东省", -0.05},
      {"zhanjiang", "湛江", "Zhanjiang", "广东省", -0.25},
      {"sanya", "三亚", "Sanya", "海南省", 0.05},
      // --- central: Shanxi ---
      {"datong", "大同", "Datong", "山西省", -0.30},
      {"changzhi", "长治", "Changzhi", "山西省", -0.30},
      // --- central: Anhui ---
      {"wuhu", "芜湖", "Wuhu", "安徽省", 0.05},
      {"bengbu", "蚌埠", "Bengbu", "安徽省", -0.20},
      {"fuyang", "阜阳", "Fuyang", "安徽省", -0.40},
      {"anqing", "安庆", "Anqing", "安徽省", -0.30},
      // --- central: Jiangxi ---
      {"ganzhou", "赣州", "Ganzhou", "江西省", -0.25},
      {"jiujiang", "九江", "Jiujiang", "江西省", -0.20},
      {"shangrao", "上饶", "Shangrao", "江西省", -0.30},
      // --- central: Henan ---
      {"luoyang", "洛阳", "Luoyang", "河南省", -0.05},
      {"nanyang", "南阳", "Nanyang", "河南省", -0.35},
      {"xinxiang", "新乡", "Xinxiang", "河南省", -0.25},
      {"xuchang", "许昌", "Xuchang", "河南省", -0.20},
      // --- central: Hubei ---
      {"yichang", "宜昌", "Yichang", "湖北省", 0.00},
      {"xiangyang", "襄阳", "Xiangyang", "湖北省", -0.05},
      {"jingzhou", "荆州", "Jingzhou", "湖北省", -0.25},
      {"huangshi", "黄石", "Huangshi", "湖北省", -0.20},
      // --- central: Hunan ---
      {"yueyang", "岳阳", "Yueyang", "湖南省", -0.15},
      {"zhuzhou", "株洲", "Zhuzhou", "湖南省", -0.05},
      {"changde", "常德", "Changde", "湖南省", -0.15},
      {"hengyang", "衡阳", "Hengyang", "湖南省", -0.25},
      // --- west: Inner Mongolia, Guangxi ---
      {"baotou", "包头", "Baotou", "内蒙古自治区", 0.00},
      {"ordos", "鄂尔多斯", "Ordos", "内蒙古自治区", 0.05},
      {"liuzhou", "柳州", "Liuzhou", "广西壮族自治区", -0.10},
      {"guilin", "桂林", "Guilin", "广西壮族自治区", -0.15},
      // --- west: Sichuan, Guizhou, Yunnan ---
      {"mianyang", "绵阳", "Mianyang", "四川省", -0.05},
      {"yibin", "宜宾", "Yibin", "四川省", -0.15},
      {"nanchong", "南充", "Nanchong", "四川省", -0.35},
      {"deyang", "德阳", "Deyang", "四川省", -0.15},
      {"zunyi", "遵义", "Zunyi", "贵州省", -0.20},
      {"qujing", "曲靖", "Qujing", "云南省", -0.35},
      // --- west: Shaanxi, Gansu, Ningxia, Xinjiang ---
      {"baoji", "宝鸡", "Baoji", "陕西省", -0.20},
      {"yulin", "榆林", "Yulin", "陕西省", -0.15},
      {"tianshui", "天水", "Tianshui", "甘肃省", -0.45},
      {"shizuishan", "石嘴山", "Shizuishan", "宁夏回族自治区", -0.35},
      {"karamay", "克拉玛依", "Karamay", "新疆维吾尔自治区", 0.05},
      // --- northeast: Liaoning, Jilin, Heilongjiang ---
      {"dalian", "大连", "Dalian", "辽宁省", 0.30},
      {"anshan", "鞍山", "Anshan", "辽宁省", -0.20},
      {"jinzhou", "锦州", "Jinzhou", "辽宁省", -0.30},
      {"fushun", "抚顺", "Fushun", "辽宁省", -0.35},
      {"jilin", "吉林", "Jilin City", "吉林省", -0.25},
      {"siping", "四平", "Siping", "吉林省", -0.45},
      {"daqing", "大庆", "Daqing", "黑龙江省", -0.10},
      {"qiqihar", "齐齐哈尔", "Qiqihar", "黑龙江省", -0.40},
      {"mudanjiang", "牡丹江", "Mudanjiang", "黑龙江省", -0.35},
  };
  return cities;
}

const std::vector<IndicatorProfile>& governance_profiles() {
  // Same ids and order as the leaves of datasets/governance/governance.yaml (pre-order).
  // Arguments: normal(id, mean, sd, decimals, loading); lognormal(id, median, sdlog, ...);
  // percent(id, typical %, logit-scale spread, ...); proportion(id, typical, spread, lower,
  // upper, ...). Comments give the unit and, for "-" indicators, the direction.
  static const std::vector<IndicatorProfile> profiles = {
      // ===== system 治理体系 =====
      // party_leadership 党委领导
      percent("party_org_coverage", 85.0, 0.50, 1, 0.70),           // %
      percent("party_member_community_rate", 88.0, 0.55, 1, 0.65),  // %
      // government_responsibility 政府负责
      percent("online_service_rate", 85.0, 0.60, 1, 0.75),          // %
      percent("gov_transparency_score", 68.0, 0.45, 1, 0.70),       // score 0-100
      lognormal("business_startup_days", 2.5, 0.40, 1, 0.60),       // days (-)
      // democratic_consultation 民主协商
      lognormal("community_consultation_meetings", 8.0, 0.35, 1, 0.65),  // per community/yr
      percent("public_comment_share", 80.0, 0.60, 1, 0.70),              // %
      // social_coordination 社会协同
      lognormal("social_orgs_per_10k", 6.5, 0.35, 2, 0.70),     // per 10,000 residents
      lognormal("social_workers_per_10k", 5.0, 0.50, 2, 0.70),  // per 10,000 residents
      proportion("purchased_services_share", 1.5, 0.45, 0.0, 10.0, 2, 0.60),  // %
      // public_participation 公众参与
      percent("volunteer_share", 16.0, 0.45, 1, 0.70),      // %
      percent("rc_election_turnout", 88.0, 0.50, 1, 0.60),  // %
      // rule_of_law 法治保障
      lognormal("lawyers_per_10k", 3.5, 0.55, 2, 0.75),          // per 10,000 residents
      percent("agency_heads_in_court_rate", 85.0, 0.60, 1, 0.65),  // %
      percent("rule_of_law_gov_score", 74.0, 0.35, 1, 0.75),     // score 0-100
      // tech_support 科技支撑
      lognormal("open_datasets", 1200.0, 0.80, 0, 0.70),         // datasets
      lognormal("fiveg_stations_per_10k", 16.0, 0.35, 1, 0.75),  // per 10,000 residents

      // ===== capacity 治理能力 =====
      // responsiveness 回应能力 (12345 hotline)
      proportion("hotline_resolution_rate", 91.0, 0.50, 50.0, 100.0, 1, 0.85),  // % (~82-97)
      lognormal("hotline_resolution_days", 5.0, 0.35, 1, 0.75),                 // days (-)
      proportion("hotline_contact_rate", 95.0, 0.50, 50.0, 100.0, 1, 0.75),     // % (~88-98)
      // fiscal_capacity 财政能力
      lognormal("fiscal_revenue_per_capita", 7000.0, 0.55, 0, 0.85),  // yuan per capita
      percent("fiscal_self_sufficiency", 52.0, 0.60, 1, 0.80),        // %
      lognormal("debt_ratio", 110.0, 0.30, 1, 0.60),                  // % (-)
      // emergency_management 应急管理能力
      lognormal("shelter_area_per_capita", 1.6, 0.40, 2, 0.65),     // m2 per capita
      lognormal("ambulance_response_minutes", 13.0, 0.20, 1, 0.70),  // minutes (-)
      // digital_governance 数字治理能力
      percent("digital_gov_index", 65.0, 0.45, 1, 0.80),   // score 0-100
      percent("gov_app_user_share", 60.0, 0.60, 1, 0.70),  // %
      // grassroots_governance 基层治理能力
      lognormal("community_workers_per_10k", 16.0, 0.25, 1, 0.70),  // per 10,000 urban res.
      lognormal("grid_workers_per_10k", 8.0, 0.35, 2, 0.65),        // per 10,000 residents

      // ===== performance 治理成效 =====
      // compulsory_education 义务教育
      normal("primary_student_teacher_ratio", 16.5, 1.6, 1, 0.65),      // pupils/teacher (-)
      percent("migrant_children_public_school", 85.0, 0.50, 1, 0.70),   // %
      lognormal("edu_spending_per_pupil", 16000.0, 0.35, 0, 0.75),      // yuan per pupil
      // entrepreneurship 创业
      lognormal("new_firms_per_10k", 65.0, 0.40, 1, 0.80),       // per 10,000 residents
      lognormal("market_entities_per_1k", 115.0, 0.25, 1, 0.75),  // per 1,000 residents
      // employment 就业
      proportion("registered_unemployment", 3.0, 0.30, 0.0, 10.0, 2, 0.65),  // % (-) (~2-4.5)
      lognormal("new_urban_jobs_per_10k", 120.0, 0.35, 1, 0.75),           // per 10,000
      lognormal("average_wage", 98000.0, 0.20, 0, 0.80),                   // yuan per year
      // elderly_care 养老
      lognormal("elderly_beds_per_1k", 32.0, 0.22, 1, 0.65),           // per 1,000 aged 60+
      percent("pension_coverage", 92.0, 0.50, 1, 0.70),                // %
      percent("community_elderly_care_coverage", 85.0, 0.60, 1, 0.70),  // %
      // healthcare 医疗
      lognormal("doctors_per_1k", 3.3, 0.22, 2, 0.75),      // per 1,000 residents
      normal("hospital_beds_per_1k", 7.0, 1.2, 2, 0.60),    // per 1,000 residents
      lognormal("infant_mortality", 3.2, 0.30, 2, 0.65),    // per 1,000 live births (-)
      // eco_environment 生态环境
      lognormal("pm25", 32.0, 0.28, 0, 0.60),               // ug/m3 (-) (~18-55)
      percent("good_air_days_share", 86.0, 0.50, 1, 0.65),   // %
      normal("green_coverage", 42.0, 3.0, 1, 0.60),          // %
      // public_safety 公共安全
      lognormal("criminal_cases_per_10k", 30.0, 0.40, 1, 0.65),              // per 10,000 (-)
      proportion("sense_of_security", 96.0, 0.50, 80.0, 100.0, 1, 0.70),     // % (~92-98)

      // ===== feedback 治理反馈 =====
      // npc_cppcc_deliberation 人大政协议政
      percent("npc_suggestion_adoption", 75.0, 0.50, 1, 0.70),  // %
      percent("cppcc_proposal_adoption", 72.0, 0.50, 1, 0.70),  // %
      // city_image 城市形象
      percent("city_image_index", 55.0, 0.50, 1, 0.75),       // score 0-100
      percent("city_reputation_score", 70.0, 0.40, 1, 0.70),  // score 0-100
      // request_satisfaction 诉求回应满意度
      proportion("hotline_satisfaction_rate", 88.0, 0.50, 50.0, 100.0, 1, 0.85),  // %
      lognormal("hotline_complaints_per_10k", 550.0, 0.45, 0, 0.60),  // per 10,000 (-)
      // online_sentiment 网络舆情
      percent("negative_sentiment_share", 18.0, 0.35, 1, 0.70),  // % (-)
      percent("gov_new_media_index", 60.0, 0.45, 1, 0.70),      // score 0-100
  };
  return profiles;
}

const std::vector<IndicatorProfile>& governance_criteria() {
  // External criteria for criterion validity (spec `criteria:`), not indicators of the index.
  // `loading` = correlation of the criterion's z with the general factor G (simulate.hpp).
  static const std::vector<IndicatorProfile> criteria = {
      // resident satisfaction survey score 居民满意度调查得分 (0-100, ~65-88)
      percent("resident_satisfaction", 78.0, 0.45, 1, 0.60),
      // per-capita GDP 人均地区生产总值 (yuan; economic development, related to but not
      // the same as governance)
      lognormal("gdp_per_capita", 85000.0, 0.45, 0, 0.45),
  };
  return criteria;
}

}  // namespace cikit
