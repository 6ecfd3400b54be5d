package table

// layout is the column widths for one table width; -1 marks a column
// dropped for lack of room.
type layout struct {
	width  int
	widths []int
}

const (
	gutter = 1 // the cursor marker
	sep    = 1 // between columns
)

// columnWidths shares width among the columns: fixed ones get their width,
// flexible ones their minimum plus a share of what is left; when even that
// does not fit, columns with the highest Drop go first.
func columnWidths[T any](cols []Column[T], width int) []int {
	widths := make([]int, len(cols))
	dropped := make([]bool, len(cols))
	for {
		need, flex, shown := gutter, 0, 0
		for i, c := range cols {
			if dropped[i] {
				continue
			}
			if shown > 0 {
				need += sep
			}
			shown++
			need += max(1, c.Width)
			flex += c.Flex
		}
		if need <= width || !dropOne(cols, dropped) {
			spare := max(0, width-need)
			given := 0
			last := -1
			for i, c := range cols {
				if dropped[i] {
					widths[i] = -1
					continue
				}
				widths[i] = max(1, c.Width)
				if c.Flex > 0 && flex > 0 {
					extra := spare * c.Flex / flex
					widths[i] += extra
					given += extra
					last = i
				}
			}
			if last >= 0 {
				widths[last] += spare - given // rounding leftovers
			}
			shrink(widths, need-width)
			return widths
		}
	}
}

// dropOne drops the shown column with the highest Drop; false when none
// may go.
func dropOne[T any](cols []Column[T], dropped []bool) bool {
	best := -1
	for i, c := range cols {
		if !dropped[i] && c.Drop > 0 && (best < 0 || c.Drop > cols[best].Drop) {
			best = i
		}
	}
	if best < 0 {
		return false
	}
	dropped[best] = true
	return true
}

// shrink takes overflow cells from the widest columns, one at a time,
// when even the columns that may not be dropped do not fit.
func shrink(widths []int, overflow int) {
	for ; overflow > 0; overflow-- {
		widest := -1
		for i, w := range widths {
			if w > 1 && (widest < 0 || w > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		widths[widest]--
	}
}
