package jobs

import (
	"strconv"
	"time"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// families remembers the look of each status spelling the list has drawn:
// kit.StatusFamily lower-cases, and so allocates, on every call, and the
// list draws two statuses per row each frame. It is only used while
// drawing, on the update loop, and holds a few dozen spellings at most.
type families map[string]themes.Family

const maxFamilies = 256

func (f families) look(status string, st *themes.Styles) themes.Span {
	fam, ok := f[status]
	if !ok {
		if len(f) >= maxFamilies {
			clear(f)
		}
		fam = kit.StatusFamily(status)
		f[status] = fam
	}
	return st.Status(fam)
}

// duration is kit.Duration (45s, 12m05s, 1h02m, 3d4h) built with one
// allocation instead of fmt's several: the list draws two per row each
// frame.
func duration(d time.Duration) string {
	var buf [24]byte
	b := buf[:0]
	if d < 0 {
		b = append(b, '-')
		d = -d
	}
	s := int64(d / time.Second)
	two := func(b []byte, n int64) []byte {
		if n < 10 {
			b = append(b, '0')
		}
		return strconv.AppendInt(b, n, 10)
	}
	switch {
	case s < 60:
		b = append(strconv.AppendInt(b, s, 10), 's')
	case s < 3600:
		b = append(two(append(strconv.AppendInt(b, s/60, 10), 'm'), s%60), 's')
	case s < 86400:
		b = append(two(append(strconv.AppendInt(b, s/3600, 10), 'h'), s%3600/60), 'm')
	default:
		b = append(strconv.AppendInt(append(strconv.AppendInt(b, s/86400, 10), 'd'), s%86400/3600, 10), 'h')
	}
	return string(b)
}
