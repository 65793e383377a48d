// Package view holds the views of generated pages (tables, charts, cards,
// changes; one struct a page kind) and the Writer that writes them as each
// page's HTML body, as Hugo partials would. Package site fills the views
// from the computed indicators; every figure in a view is already
// formatted for the page's language, and every text from the data goes
// through the Writer's escaping.
package view
