package main

import (
	"strings"
	"testing"
)

// A line as freeze v0.2.2 writes it: the font size on the group, runs as
// tspans, an empty tspan for a style reset.
const freezeLine = `<g font-family="JetBrains Mono" font-size="16.80px" fill="#c4c4c4">` +
	`<text x="20.00px" y="36.80px" xml:space="preserve"><tspan xml:space="preserve"/>` +
	`<tspan xml:space="preserve" fill="#bb9af7">│ ○ a&amp;b</tspan><tspan xml:space="preserve"/>` +
	`<tspan xml:space="preserve" fill="#7379a2">界x</tspan></text></g>`

func TestPinPlacesEveryCharacterInItsCell(t *testing.T) {
	got, err := pin(freezeLine)
	if err != nil {
		t.Fatal(err)
	}
	// A cell is 16.8/1.68 = 10 px; spaces take a cell and no element; the
	// escaped & is one character; 界 is two cells wide, so x comes two
	// cells after it.
	const p, v, g = `<tspan xml:space="preserve"`, ` fill="#bb9af7"`, ` fill="#7379a2"`
	want := `<g font-family="JetBrains Mono" font-size="16.80px" fill="#c4c4c4">` +
		`<text x="20.00px" y="36.80px" xml:space="preserve">` + p + `/>` +
		p + v + ` x="20.00">│</tspan>` + p + v + ` x="40.00">○</tspan>` + p + v + ` x="60.00">a</tspan>` +
		p + v + ` x="70.00">&amp;</tspan>` + p + v + ` x="80.00">b</tspan>` + p + `/>` +
		p + g + ` x="90.00">界</tspan>` + p + g + ` x="110.00">x</tspan></text></g>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestPinWrapsBareText(t *testing.T) {
	svg := `<g font-size="16.80px"><text x="0.00px" y="1px" xml:space="preserve">ab<tspan fill="#fff">c</tspan></text></g>`
	got, err := pin(svg)
	if err != nil {
		t.Fatal(err)
	}
	want := `<text x="0.00px" y="1px" xml:space="preserve"><tspan xml:space="preserve" x="0.00">a</tspan>` +
		`<tspan xml:space="preserve" x="10.00">b</tspan><tspan fill="#fff" x="20.00">c</tspan></text>`
	if !strings.Contains(got, want) {
		t.Fatalf("got %s\nwant %s", got, want)
	}
}

func TestPinLeavesEmptyLinesAlone(t *testing.T) {
	svg := `<g font-size="16.80px"><text x="0.00px" y="1px" xml:space="preserve"/>` +
		`<text x="0.00px" y="2px" xml:space="preserve"><tspan fill="#fff">ab</tspan></text></g>`
	got, err := pin(svg)
	if err != nil {
		t.Fatal(err)
	}
	want := `<g font-size="16.80px"><text x="0.00px" y="1px" xml:space="preserve"/>` +
		`<text x="0.00px" y="2px" xml:space="preserve"><tspan fill="#fff" x="0.00">a</tspan><tspan fill="#fff" x="10.00">b</tspan></text></g>`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestPinRefusesAnSVGWithoutAFontSize(t *testing.T) {
	if _, err := pin(`<svg><text x="1px">a</text></svg>`); err == nil || !strings.Contains(err.Error(), "freeze SVG") {
		t.Fatalf("want an error naming the expected input, got %v", err)
	}
}
