// The Stock cell of the commerce and observer offer tables: one line per SKU with its count.
// A SKU broken at its hyphens ("BNDL- / GLOW- / KIT 494") reads as three things, so a line stays
// whole; only a line longer than WHOLE characters may wrap, so the table never runs past its panel.
const WHOLE = 26;

export function StockLines(props: { lines: readonly string[] }) {
  return (
    <>
      {props.lines.map((l) => (
        <span key={l} className={`stock-line${l.length <= WHOLE ? ' stock-line-whole' : ''}`} data-testid="stock-line">
          {l}
        </span>
      ))}
    </>
  );
}
