// Command svggrid pins every character of a charmbracelet/freeze terminal
// SVG to its terminal cell. freeze lets each line's text flow in the font,
// so a glyph the font lacks (○, ★, braille) is drawn from a fallback font
// of another width and shifts the rest of its line off the grid that the
// cell backgrounds are drawn on. svggrid draws each character as its own
// <tspan x>, at the cell width (font-size/1.68) freeze's backgrounds assume.
//
//	freeze --language ansi -o shot.svg capture.ansi && go run ./scripts/svggrid shot.svg
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: svggrid FILE.svg   (rewrites the file in place)")
		os.Exit(2)
	}
	if err := rewrite(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "svggrid:", err)
		os.Exit(1)
	}
}

func rewrite(path string) error {
	in, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := pin(string(in))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(out), 0o644)
}
