// Package kit is what every pane shares: the Pane contract the shell routes
// to, the Context panes draw with, key bindings that carry their own help
// and danger flag, text sanitising and width-aware fitting, formatting of
// durations, sizes and times, and sparklines. Widgets live in sub-packages
// (table, dialog).
package kit
