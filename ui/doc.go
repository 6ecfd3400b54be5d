// Package ui is agdash's shell: the root Bubble Tea model that routes
// messages to the six panes, draws the frame around them (header, tabs,
// breadcrumb, status line), and owns the command line, filter prompt,
// help overlay, notifications and confirmation dialogs. Panes live in
// views/; the shell only routes to them.
package ui
