/**
 * Traditional characters that web mirrors leave in copied forms (Part C: 產出指標, 滿意度), mapped to
 * simplified ones so numbers (44.92萬人), comparators (不少於, 以內), units (個, 戶, 畝) and tier words
 * (達成, 優) still read. Only characters these values use are listed; the rest pass through.
 */
const PAIRS =
  "萬万 億亿 於于 過过 內内 達达 優优 較较 顯显 無无 標标 預预 規规 關关 時时 滿满 沒没 現现 準准 實实 " +
  "級级 對对 個个 戶户 畝亩 項项 場场 張张 臺台 檯台 輛辆 週周 數数 筆笔 處处 間间 條条 層层 類类 門门 " +
  "隊队 員员 歲岁 點点 積积 廣广 產产 體体 為为 爲为 遲迟 結结 驗验 畢毕 幾几 總总 額额 佈布 礎础 質质 " +
  "齊齐 並并 證证 報报 書书 據据 單单 應应 務务 務务 參参 與与 導导 訓训 練练 覆覆 蓋盖 率率 價价 環环 " +
  "運运 維维 護护 設设 備备 顧顾 貸贷 輪轮 車车 戰战 術术 學学 醫医 療疗 衛卫 漁渔 禁禁 農农 億亿";

const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  PAIRS.split(" ")
    .filter((p) => p.length === 2)
    .map((p) => [p[0], p[1]] as [string, string])
);

export function toSimplified(text: string): string {
  return text.replace(
    /[\u3400-\u9fff\uf900-\ufaff]/g,
    (ch) => TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch
  );
}
