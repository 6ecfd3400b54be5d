// Command ansiflat rewrites a terminal capture's colour sequences (SGR) so
// that charmbracelet/freeze draws them as a terminal would. freeze v0.2.2
// ignores "default foreground" (39), "default background" (49) and reverse
// video (7), so a highlighted cell's background runs on to the end of its
// line and text after a 39 keeps the colour before it. ansiflat replaces
// every SGR sequence with one that resets and then states the whole
// current colour state, which freeze does read.
//
//	tmux capture-pane -e -p | go run ./scripts/ansiflat | freeze --language ansi -o shot.svg
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	fg := flag.String("fg", "#c4c4c4", "the terminal's default foreground, for reverse video")
	bg := flag.String("bg", "#1a1b26", "the terminal's default background, for reverse video")
	flag.Parse()
	defFG, err := parseHex(*fg)
	if err == nil {
		var defBG colour
		if defBG, err = parseHex(*bg); err == nil {
			err = flatten(bufio.NewReader(os.Stdin), os.Stdout, defFG, defBG)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ansiflat:", err)
		os.Exit(1)
	}
}

func parseHex(s string) (colour, error) {
	var r, g, b int
	if len(s) != 7 || s[0] != '#' {
		return colour{}, fmt.Errorf("colour %q is not #rrggbb", s)
	}
	if _, err := fmt.Sscanf(s[1:], "%02x%02x%02x", &r, &g, &b); err != nil {
		return colour{}, fmt.Errorf("colour %q is not #rrggbb", s)
	}
	return colour{set: true, sgr: fmt.Sprintf("2;%d;%d;%d", r, g, b)}, nil
}

// flatten copies in to out, rewriting SGR sequences and passing everything
// else through unchanged.
func flatten(in io.ByteReader, out io.Writer, defFG, defBG colour) error {
	w := bufio.NewWriter(out)
	var st state
	for {
		c, err := in.ReadByte()
		if err == io.EOF {
			return w.Flush()
		}
		if err != nil {
			return err
		}
		if c != 0x1b {
			_ = w.WriteByte(c)
			continue
		}
		seq, final, err := readCSI(in)
		if err != nil {
			return err
		}
		if final != 'm' {
			_, _ = w.WriteString("\x1b" + seq)
			continue
		}
		st.apply(seq[1 : len(seq)-1])
		_, _ = w.WriteString(st.sgr(defFG, defBG))
	}
}

// readCSI reads the rest of an escape sequence after ESC: "[" parameters
// and a final byte. Anything else after ESC is returned as it is.
func readCSI(in io.ByteReader) (string, byte, error) {
	c, err := in.ReadByte()
	if err != nil {
		return "", 0, fmt.Errorf("capture ends inside an escape sequence")
	}
	if c != '[' {
		return string(c), 0, nil
	}
	seq := []byte{'['}
	for {
		c, err := in.ReadByte()
		if err != nil {
			return "", 0, fmt.Errorf("capture ends inside an escape sequence")
		}
		seq = append(seq, c)
		if c >= 0x40 && c <= 0x7e {
			return string(seq), c, nil
		}
	}
}
