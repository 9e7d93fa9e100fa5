/**
 * Extra golden forms owned by the rules tests: they exercise what the shared fixtures do not
 * (a unit clash, a missing actual and a Sichuan rate reason). Laid out with the MOF template.
 *
 * sichuan-rate: budget 85 / 100 = 85% → 8.5 (below Sichuan's 90%, no reason written);
 *   row 13 ≥50个 vs 50套 → UNIT_MISMATCH, counts its printed 20;
 *   row 14 ≥95% vs 96% → 30; row 15 ≥1000人 vs 1500人 → 30, 150% → OVER_TARGET (note written);
 *   row 16 ≥90% vs (empty) → MISSING_VALUE, counts its printed 10.
 *   Total 8.5 + 20 + 30 + 30 + 10 = 98.5 (printed 98.5), provisional.
 */
import type { SheetSpec } from "../fixtures/sheet-spec";
import { mofForm, simpleFunds } from "../fixtures/forms/mof-template";

export const sichuanRate: SheetSpec = mofForm({
  sheetName: "自评表",
  year: "（2023年度）",
  project: "高素质农民培育",
  department: "县农业农村局 208",
  agency: "县农业广播电视学校",
  funds: simpleFunds(100, 100, 85, "85.00%", 8.5),
  goals: ["培育高素质农民1000人。", "培育1500人。"],
  sections: [
    {
      label: "产出指标（50）",
      rows: [
        {
          level2: "数量指标",
          name: "发放教材",
          target: "≥50个",
          actual: "50套",
          weight: 20,
          score: 20,
        },
        {
          level2: "质量指标",
          name: "培训合格率",
          target: "≥95%",
          actual: "96%",
          weight: 30,
          score: 30,
        },
      ],
    },
    {
      label: "效益指标（30）",
      rows: [
        {
          level2: "社会效益指标",
          name: "培育高素质农民",
          target: "≥1000人",
          actual: "1500人",
          weight: 30,
          score: 30,
          note: "培训需求超出预期，增加班次",
        },
      ],
    },
    {
      label: "满意度指标（10）",
      rows: [
        {
          level2: "服务对象满意度指标",
          name: "学员满意度",
          target: "≥90%",
          actual: null,
          weight: 10,
          score: 10,
        },
      ],
    },
  ],
  total: { weight: 100, score: 98.5 },
});

export const GOLDEN_FORMS: { id: string; spec: SheetSpec }[] = [
  { id: "sichuan-rate", spec: sichuanRate },
];
