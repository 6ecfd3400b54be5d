package jobs

import "sort"

// setQuery searches for text (case-insensitive for ASCII letters) and
// jumps to a match: the newest one while tailing, else the first one at
// or after the top of the screen.
func (v *logView) setQuery(q string) bool {
	v.query = q
	v.cur = -1
	v.rebuild()
	if q == "" || len(v.matches) == 0 {
		return false
	}
	if v.tail {
		v.jumpTo(v.matches[len(v.matches)-1])
		return true
	}
	p := v.current()
	from := v.num(min(p.k, v.count()-1))
	i := sort.Search(len(v.matches), func(i int) bool { return v.matches[i] >= from })
	if i == len(v.matches) {
		i--
	}
	v.jumpTo(v.matches[i])
	return true
}

// nextMatch jumps to the next (dir 1) or previous (-1) match, wrapping
// around; false when there is none.
func (v *logView) nextMatch(dir int) bool {
	if len(v.matches) == 0 {
		return false
	}
	ref := v.cur
	if ref < 0 {
		ref = v.num(min(v.current().k, v.count()-1))
		if dir > 0 {
			ref--
		}
	}
	var i int
	if dir > 0 {
		i = sort.Search(len(v.matches), func(i int) bool { return v.matches[i] > ref })
		if i == len(v.matches) {
			i = 0
		}
	} else {
		i = sort.Search(len(v.matches), func(i int) bool { return v.matches[i] >= ref }) - 1
		if i < 0 {
			i = len(v.matches) - 1
		}
	}
	v.jumpTo(v.matches[i])
	return true
}

// matchIndex is the current match's 1-based place among the matches.
func (v *logView) matchIndex() int {
	if v.cur < 0 {
		return 0
	}
	i := sort.Search(len(v.matches), func(i int) bool { return v.matches[i] >= v.cur })
	if i < len(v.matches) && v.matches[i] == v.cur {
		return i + 1
	}
	return 0
}

// jumpTo shows line n a few lines below the top of the screen and makes
// it the current match. The view stops following unless n is at the
// bottom.
func (v *logView) jumpTo(n int64) {
	v.cur = n
	k := v.pos(n)
	context := min(2, max(0, v.height/4))
	v.tail = false
	v.moveTo(position{k: max(0, k-context)})
}

// containsFold reports whether q occurs in s, ignoring the case of ASCII
// letters. It does not allocate.
func containsFold(s, q string) bool { return indexFold(s, q, 0) >= 0 }

// indexFold is the first byte offset at or after from where q occurs in s
// (ASCII letters matched without case), or -1.
func indexFold(s, q string, from int) int {
	if q == "" {
		return -1
	}
	for i := from; i+len(q) <= len(s); i++ {
		j := 0
		for j < len(q) && lower(s[i+j]) == lower(q[j]) {
			j++
		}
		if j == len(q) {
			return i
		}
	}
	return -1
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
