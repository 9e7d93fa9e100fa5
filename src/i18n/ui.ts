/**
 * Task-pane strings. zh-CN is the default and the source of the key set; en must carry the same
 * keys and the same {param} placeholders (checked by tests/i18n/parity.test.ts).
 */
const zhCN = {
  "app.title": "绩效自评助手",
  "app.preview": "预览模式：未连接 Excel，正在使用示例自评表。",

  "action.recompute": "重新计算",
  "action.revert": "撤销评分",
  "action.busy": "正在处理，请稍候",

  "status.idle": "就绪：打开项目支出绩效自评表后点击“重新计算”。",
  "status.computing": "正在重新计算…",
  "status.reverting": "正在撤销评分…",
  "status.done": "计算完成：总分 {total}，等级 {grade}。",
  "status.doneNoTotal": "计算完成，但总分无法确定，请查看下方的检查结果。",
  "status.reverted": "已撤销评分，恢复了 {count} 个单元格。",

  "summary.title": "评分结果",
  "summary.sheet": "工作表：{sheet}",
  "summary.project": "项目：{project}",
  "summary.total": "总分",
  "summary.grade": "等级",
  "summary.rate": "预算执行率",
  "summary.errors": "错误",
  "summary.warnings": "警告",
  "summary.provisional": "暂定",
  "summary.provisionalHint": "部分指标无法计算，沿用了表中原有得分，总分仅供参考。",
  "summary.reported": "表中原填：总分 {total}，等级 {grade}",
  "summary.reportedTotal": "表中原填：总分 {total}",
  "summary.none": "—",

  "grade.优": "优",
  "grade.良": "良",
  "grade.中": "中",
  "grade.差": "差",

  "severity.error": "错误",
  "severity.warning": "警告",
  "severity.info": "提示",

  "findings.title": "检查结果",
  "findings.empty": "未发现问题。",
  "findings.count": "{label}（{count}）",
  "findings.goTo": "定位到单元格 {cell}：{message}",

  "table.title": "指标得分",
  "table.budget": "预算执行率",
  "table.level3": "三级指标",
  "table.target": "目标",
  "table.actual": "实际",
  "table.completion": "完成率",
  "table.score": "得分",
  "table.codes": "提示",
  "table.reportedScore": "表中原填 {score}",
  "table.showExplanation": "显示“{name}”的计算说明",
  "table.hideExplanation": "收起“{name}”的计算说明",
  "table.empty": "未识别到可评分的指标。",

  "breakdowns.title": "明细行（不单独计分）",
  "breakdowns.item": "第 {row} 行 {name}：{target} / {actual}（第 {parent} 行的明细）",
  "forms.label": "本工作表共有 {count} 张自评表，查看：",
  "forms.option": "第 {n} 张：{project}（总分 {total}）",
  "settings.title": "设置",
  "settings.profile": "评分规则",
  "settings.overTarget": "超目标提示阈值（%）",
  "settings.overTargetHint": "实际值达到目标值的该百分比时，提示填写偏差原因。",
  "settings.overTargetInvalid": "请输入 {min} 到 {max} 之间的数。",
  "settings.highlights": "用颜色标记有问题的单元格",
  "settings.notes": "在单元格批注中写入说明",
  "settings.replaceFormulas": "覆盖得分单元格中的公式",
  "settings.saveFailed": "设置未能保存到文档：{detail}",
  "settings.loadProblem": "文档中保存的设置有误：{detail}",

  "language.label": "界面语言",
  "language.zh": "中文",
  "language.en": "English",

  "error.title": "无法完成操作",
  "error.EDIT_MODE": "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。",
  "error.PROTECTED":
    "工作表受保护，未写入任何内容。请先在“审阅 → 撤消工作表保护”中取消保护后重试。",
  "error.NO_TABLE":
    "当前工作表中未找到项目支出绩效自评表：需要“三级指标”“年度指标值”“实际完成值”“分值”“得分”等表头。",
  "error.TOO_LARGE":
    "工作表的已用区域过大，无法一次读取。请删除多余的行和列，或把自评表单独放在一个工作表中。",
  "error.TIMEOUT": "Excel 未能及时响应，未写入任何内容。请稍候重试。",
  "error.NOT_XLSX": "这不是 .xlsx 工作簿文件。",
  "error.ENCRYPTED": "工作簿设有打开密码，无法读取。请先取消密码后重试。",
  "error.CORRUPT": "工作簿已损坏，无法读取。",
  "error.EMPTY": "工作簿中没有可读取的工作表或单元格。",
  "error.NOTHING_TO_REVERT": "没有可撤销的评分：本工作表尚未由本助手写入，或已撤销。",
  "error.UNKNOWN": "发生未知错误：{detail}",
  "error.unexpected": "发生意外错误：{detail}",

  "code.SHORTFALL": "未达标",
  "code.OVER_TARGET": "超目标",
  "code.NOTE_MISSING": "缺偏差说明",
  "code.LATE": "逾期",
  "code.SCORE_MISMATCH": "得分不符",
  "code.RATE_MISMATCH": "执行率不符",
  "code.TOTAL_MISMATCH": "总分不符",
  "code.GRADE_MISMATCH": "等级不符",
  "code.WEIGHT_SUM": "分值合计不符",
  "code.UNIT_MISMATCH": "单位不一致",
  "code.UNPARSEABLE": "无法识别",
  "code.MISSING_VALUE": "缺少数值",
  "code.BUDGET_TOTAL_MISMATCH": "资金合计不符",
  "code.QUALITATIVE_REVIEW": "定性待复核",
  "code.RATE_REASON_MISSING": "缺执行率说明",
  "code.FORMULA_KEPT": "保留公式",
} as const;

export type UiKey = keyof typeof zhCN;

const en: Record<UiKey, string> = {
  "app.title": "SelfEval",
  "app.preview": "Preview mode: not connected to Excel, using the sample self-evaluation form.",

  "action.recompute": "Recompute",
  "action.revert": "Revert scores",
  "action.busy": "Working, please wait",

  "status.idle": "Ready: open a project expenditure self-evaluation form and click Recompute.",
  "status.computing": "Recomputing…",
  "status.reverting": "Reverting scores…",
  "status.done": "Done: total {total}, grade {grade}.",
  "status.doneNoTotal": "Done, but the total could not be determined; see the findings below.",
  "status.reverted": "Scores reverted: {count} cells restored.",

  "summary.title": "Result",
  "summary.sheet": "Sheet: {sheet}",
  "summary.project": "Project: {project}",
  "summary.total": "Total",
  "summary.grade": "Grade",
  "summary.rate": "Budget execution",
  "summary.errors": "Errors",
  "summary.warnings": "Warnings",
  "summary.provisional": "Provisional",
  "summary.provisionalHint":
    "Some rows could not be scored and kept the score printed in the sheet; the total is indicative.",
  "summary.reported": "Printed in the sheet: total {total}, grade {grade}",
  "summary.reportedTotal": "Printed in the sheet: total {total}",
  "summary.none": "—",

  "grade.优": "Excellent (优)",
  "grade.良": "Good (良)",
  "grade.中": "Pass (中)",
  "grade.差": "Poor (差)",

  "severity.error": "Errors",
  "severity.warning": "Warnings",
  "severity.info": "Notes",

  "findings.title": "Findings",
  "findings.empty": "No findings.",
  "findings.count": "{label} ({count})",
  "findings.goTo": "Go to cell {cell}: {message}",

  "table.title": "Indicator scores",
  "table.budget": "Budget execution",
  "table.level3": "Indicator",
  "table.target": "Target",
  "table.actual": "Actual",
  "table.completion": "Completion",
  "table.score": "Score",
  "table.codes": "Flags",
  "table.reportedScore": "Printed {score}",
  "table.showExplanation": "Show how “{name}” was scored",
  "table.hideExplanation": "Hide how “{name}” was scored",
  "table.empty": "No scorable indicators were found.",

  "breakdowns.title": "Breakdown rows (not scored on their own)",
  "breakdowns.item": "Row {row} {name}: {target} / {actual} (details row {parent})",
  "forms.label": "This sheet holds {count} forms; showing:",
  "forms.option": "Form {n}: {project} (total {total})",
  "settings.title": "Settings",
  "settings.profile": "Rule profile",
  "settings.overTarget": "Over-target threshold (%)",
  "settings.overTargetHint":
    "When the actual value reaches this percentage of the target, ask for a deviation note.",
  "settings.overTargetInvalid": "Enter a number between {min} and {max}.",
  "settings.highlights": "Highlight cells with findings",
  "settings.notes": "Write explanations as cell notes",
  "settings.replaceFormulas": "Overwrite formulas in score cells",
  "settings.saveFailed": "Settings could not be saved in the document: {detail}",
  "settings.loadProblem": "A setting stored in the document was invalid: {detail}",

  "language.label": "Language",
  "language.zh": "中文",
  "language.en": "English",

  "error.title": "Could not finish",
  "error.EDIT_MODE":
    "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  "error.PROTECTED":
    "The sheet is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.",
  "error.NO_TABLE":
    "No project expenditure self-evaluation table was found on this sheet: it needs headers such as 三级指标, 年度指标值, 实际完成值, 分值 and 得分.",
  "error.TOO_LARGE":
    "The sheet's used range is too large to read at once. Delete unused rows and columns, or put the form on its own sheet.",
  "error.TIMEOUT":
    "Excel did not answer in time; nothing was written. Wait a moment and try again.",
  "error.NOT_XLSX": "This is not an .xlsx workbook.",
  "error.ENCRYPTED":
    "The workbook is password-protected and cannot be read. Remove the password and try again.",
  "error.CORRUPT": "The workbook is damaged and cannot be read.",
  "error.EMPTY": "The workbook has no sheets or cells to read.",
  "error.NOTHING_TO_REVERT":
    "Nothing to revert: this assistant has not written to this sheet, or its scores were already reverted.",
  "error.UNKNOWN": "An unknown error occurred: {detail}",
  "error.unexpected": "An unexpected error occurred: {detail}",

  "code.SHORTFALL": "Shortfall",
  "code.OVER_TARGET": "Over target",
  "code.NOTE_MISSING": "Note missing",
  "code.LATE": "Late",
  "code.SCORE_MISMATCH": "Score differs",
  "code.RATE_MISMATCH": "Rate differs",
  "code.TOTAL_MISMATCH": "Total differs",
  "code.GRADE_MISMATCH": "Grade differs",
  "code.WEIGHT_SUM": "Weights ≠ 100",
  "code.UNIT_MISMATCH": "Unit mismatch",
  "code.UNPARSEABLE": "Unreadable",
  "code.MISSING_VALUE": "Missing value",
  "code.BUDGET_TOTAL_MISMATCH": "Funds total differs",
  "code.QUALITATIVE_REVIEW": "Review rating",
  "code.RATE_REASON_MISSING": "Rate reason missing",
  "code.FORMULA_KEPT": "Formula kept",
};

export const uiStrings: { "zh-CN": Record<UiKey, string>; en: Record<UiKey, string> } = {
  "zh-CN": zhCN,
  en,
};
