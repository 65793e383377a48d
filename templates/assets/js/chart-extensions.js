// Minh Bạch chart extensions: kinds of figure that the chart script draws
// only on the pages that need them. A bundle that adds one (maps.js) pushes
// it here before the chart script runs; the chart script alone has none.
// Each has handles(option), draw(chart, figure, canvas, option, colours)
// and recolour(chart, option, colours).
export const extensions = [];
