/**
 * The bundled sample form: the preview page scores it, and the tests re-export it as a fixture.
 * The seed report's table (内蒙古自治区科学技术协会, 基层科普行动计划专项资金, 2021), with exactly the
 * published texts, laid out as a MOF-style sheet: blank column A, title B1:J1, funds block B5:I9 with
 * B5:B9 merged, indicator header on row 12 (B12 merged down to row 37), 25 indicators on rows 13–37
 * (一级 labels merged per section in column C), 总分 on row 38 (H38 weight, I38 score).
 *
 * Exercises: merges and carry-down, section weights in 一级 labels, `44.9204万人\u3000`, `20000/人次`,
 * `160万`, `定性优良中低差`, 99.82% printed as text, the two notes. Published numbers are correct:
 * 3106.43 / 3112 → 99.82% → 9.98; 干部培训 256/600 × 2 = 0.85; total 98.83 → 优.
 * The seed shows no 上年结转资金 row; it is added (blanks and —) so the form has the full funds block.
 */
import type { SheetSpec, SpecCell } from "./sheet-spec";

export const SEED_GOAL_EXPECTED =
  "目标1：在推动《全民科学素质计划纲要》实施方面，全区科技教育、传播普及长足发展，形成比较完善的公民科学素质建设的组织实施、基础设施、条件保障、监测评估等体系； 目标2：继续做好“百名专家走进盟市旗县科普传播行”、“科技助力精准扶贫”、“全国科普日”、“文化科技卫生三下乡”、“全国科技活动周”、“食品药品安全宣传周”等大型集中示范活动，大力实施“科普融媒体建设”、“科普信息化建设”、“新时代文明实践中心科技志愿服务活动”等，大力推进基层科技场馆展教展品资源建设及科普阵地创建，通过线上线下方式与观众网上互动、现场互动，使公众直接感受前沿科技创新成果，亲身体验前沿科技创新魅力。组织开展好“网络安全宣传周”、“全国防灾减灾日”等重大科普活动，来提高公众的科学素质； 目标3：继续建立健全科普队伍管理制度，发展壮大全区科普专家团、科普信息员、科技志愿者队伍。";
export const SEED_GOAL_ACTUAL =
  "推动了《全民科学素质计划纲要》实施方面，全区科技教育、传播普及长足发展，形成比较完善的公民科学素质建设的组织实施、基础设施、条件保障、监测评估等体系；开展“百名专家走进盟市旗县科普传播行”、“科技助力精准扶贫”、“全国科普日”、“文化科技卫生三下乡”、“全国科技活动周”、“食品药品安全宣传周”等大型集中示范活动，大力实施“科普融媒体建设”、“科普信息化建设”、“新时代文明实践中心科技志愿服务活动”等，大力推进基层科技场馆展教展品资源建设及科普阵地创建，通过线上线下方式与观众网上互动、现场互动，使公众直接感受前沿科技创新成果，亲身体验前沿科技创新魅力。组织开展好“网络安全宣传周”、“全国防灾减灾日”等重大科普活动，来提高公众的科学素质； 建立健全科普队伍管理制度，发展壮大全区科普专家团、科普信息员、科技志愿者队伍。";
// prettier-ignore
const INDICATORS: SpecCell[][] = [
  [null, null, "产出指标（50）", "数量指标", "全区科普信息员人数", "≥30万人", "44.9204万人\u3000", 3, 3, null],
  [null, null, null, "成本指标", "“科普内蒙古”4K平台运维费", "≤200万元", "160万", 2, 2, null],
  [null, null, null, "数量指标", "科普活动受众人次", "≥1000万次", "1100万次", 3, 3, null],
  [null, null, null, "数量指标", "在各类媒体宣传科普的次数", "≥10000次", "21578次", 3, 3, null],
  [null, null, null, "数量指标", "开展学术交流活动的数量", "≥20次", "70次", 2, 2, null],
  [null, null, null, "成本指标", "项目在科协本级支出总成本", "≤1867万元", "1861.43万元", 2, 2, null],
  [null, null, null, "数量指标", "基层科技馆新增的展品", "≥12套", "314套", 3, 3, null],
  [null, null, null, "数量指标", "科普报刊村村通覆盖的数量", "≥1200个", "1205个", 3, 3, null],
  [null, null, null, "数量指标", "开展各类科普宣传的数量", "≥2000次", "2500次", 3, 3, null],
  [null, null, null, "质量指标", "表彰奖励优秀科技工作者的数量", "≥60人", "140人", 2, 2, null],
  [null, null, null, "时效指标", "全国科技工作者日活动的完成时间", "≤6月", "5月", 2, 2, null],
  [null, null, null, "数量指标", "已建成的科普e站数量", "≥4000个", "6403个", 2, 2, null],
  [null, null, null, "时效指标", "全国科普日系统活动的完成时间", "≤10月", "9月", 2, 2, null],
  [null, null, null, "数量指标", "科普培训的受众人次", "≥50000人次", "40万人次", 2, 2, null],
  [null, null, null, "数量指标", "举办自然科学学术年会及分会场科技工作者参与人次", "≥4000人次", "20000/人次", 2, 2, null],
  [null, null, null, "质量指标", "全区科协系统干部培训班培训的科协系统和基层组织干部人次", "≥600人次", "256人次", 2, 0.85, "受疫情影响，几期线下培训班未举办"],
  [null, null, null, "质量指标", "全区科普专家团人数", "≥1500人", "3172人", 2, 2, null],
  [null, null, null, "数量指标", "各类科普大赛征集的数量", "≥800个", "1000个", 2, 2, null],
  [null, null, null, "数量指标", "国际科技交流活动科技工作者受众人次", "≥200人次", "6000人次", 3, 3, "因活动采取线上加线下，受众人数较多"],
  [null, null, null, "数量指标", "全区科技志愿者人数", "≥5万人", "94844人", 2, 2, null],
  [null, null, null, "数量指标", "举办农牧区培训的受众人次", "≥40000人次", "10万人次", 3, 3, null],
  [null, null, "效益指标（30）", "社会效益指标", "各类科普活动对公民科学素质的促进作用", "定性优良中低差", "优", 10, 10, null],
  [null, null, null, "可持续影响指标", "科协系统网站群日均访问量", "≥275次", "285次", 10, 10, null],
  [null, null, null, "社会效益指标", "各类科普活动主流媒体报道的次数", "≥5次", "10次", 10, 10, null],
  [null, null, "满意度指标（10）", "服务对象满意度指标", "科普受众满意度", "≥90%", "90%", 10, 10, null],
];

const FIRST_INDICATOR_ROW = 13; // 1-based
const LAST_INDICATOR_ROW = FIRST_INDICATOR_ROW + INDICATORS.length - 1; // 37

export const seed: SheetSpec = {
  name: "项目支出绩效自评表",
  rows: [
    [null, "项目支出绩效自评表"],
    [null, "（2021年度）"],
    [null, "项目名称", "基层科普行动计划专项资金"],
    [
      null,
      "主管部门及代码",
      "内蒙古自治区科学技术协会",
      null,
      null,
      "实施单位",
      "内蒙古自治区科学技术协会",
    ],
    [
      null,
      "项目资金\n（万元）",
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ],
    [null, null, "年度资金总额", 3112, 3112, 3106.43, 10, "99.82%", 9.98],
    [null, null, "其中：财政拨款", 3112, 3112, 3106.43, "—", null, 9.98],
    [null, null, "上年结转资金", null, null, null, "—", null, "—"],
    [null, null, "     其他资金", null, null, null, "—", null, "—"],
    [null, "年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, null, SEED_GOAL_EXPECTED, null, null, null, SEED_GOAL_ACTUAL],
    [
      null,
      "绩  效  指  标（90）",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    ...INDICATORS,
    [null, "总    分", null, null, null, null, null, 100, 98.83, null],
  ],
  merges: [
    "B1:J1",
    "B2:J2",
    "C3:J3",
    "C4:E4",
    "G4:J4",
    "B5:B9",
    "B10:B11",
    "C10:F10",
    "G10:J10",
    "C11:F11",
    "G11:J11",
    `B12:B${LAST_INDICATOR_ROW}`,
    `C${FIRST_INDICATOR_ROW}:C33`,
    "C34:C36",
    "B38:G38",
  ],
};
