// Package graph draws a pipeline execution's step graph in the terminal.
//
// It takes dag.Layout's layers and slot order as given and does the rest:
// Place gives every slot a position on a character grid (the cross-axis
// position by median sweeps, the channels between layers sized to the
// lines they carry) and routes each edge as box-drawing lines through the
// channels; Render draws the placed scene with the steps' statuses, the
// selection and a viewport into lines of text. Both are pure: the same
// input gives the same lines, which the golden tests rely on.
//
// Lines that split from one step share a vertical track, as do lines that
// merge into one step, so fan-out and fan-in read as one branching line;
// tracks in a channel are ordered so that a line never runs into an
// unrelated one's end. Condition branches carry their "if true"/"else"
// labels. Every status is shown as a symbol or word as well as a colour.
package graph
