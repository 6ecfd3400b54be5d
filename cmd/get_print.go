package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/agdash/agdash/views/kit"
)

// Output formats of `agdash get`.
const (
	outputTable = "table"
	outputJSON  = "json"
	outputYAML  = "yaml"
)

func outputFormats() []string { return []string{outputTable, outputJSON, outputYAML} }

// listing is what `agdash get` found: the items as scripts read them, and
// the same items as table cells.
type listing struct {
	// noun names the items in messages: "training jobs".
	noun   string
	items  any // a slice of the *Out types, never nil
	header []string
	cells  [][]string
}

// print writes the listing to stdout in format; an empty table says so
// on stderr, leaving stdout empty.
func (l listing) print(stdout, stderr io.Writer, format string) error {
	switch format {
	case outputJSON:
		b, err := json.MarshalIndent(l.items, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	case outputYAML:
		enc := yaml.NewEncoder(stdout)
		enc.SetIndent(2)
		if err := enc.Encode(l.items); err != nil {
			return err
		}
		return enc.Close()
	}
	if len(l.cells) == 0 {
		fmt.Fprintf(stderr, "No %s found.\n", l.noun)
		return nil
	}
	rows := make([][]string, 0, len(l.cells)+1)
	rows = append(rows, l.header)
	for _, row := range l.cells {
		clean := make([]string, len(row))
		for i, c := range row {
			clean[i] = kit.Sanitize(c)
			if clean[i] == "" {
				clean[i] = "-"
			}
		}
		rows = append(rows, clean)
	}
	_, err := io.WriteString(stdout, alignColumns(rows))
	return err
}

// alignColumns lays rows out like kubectl: columns three spaces apart, no
// borders, each as wide as its widest cell in terminal cells, so that
// Chinese, Tamil or emoji in a name keep the columns after it in line.
func alignColumns(rows [][]string) string {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], kit.Width(c))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-kit.Width(c)+columnGap))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// columnGap is the space between two columns of a table.
const columnGap = 3
