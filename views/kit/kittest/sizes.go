package kittest

// PaneSize is a pane's area in a terminal of a common size.
type PaneSize struct {
	Name string // the terminal's size: "80x24"
	W, H int
}

// PaneSizes are the pane areas the shell gives at 80x24 and 120x40 (the
// shell's frame takes five rows), the sizes pane goldens are drawn at.
func PaneSizes() []PaneSize {
	return []PaneSize{{"80x24", 80, 19}, {"120x40", 120, 35}}
}
