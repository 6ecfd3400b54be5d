package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

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
	// Aligned like kubectl: columns three spaces apart, no borders.
	tw := tabwriter.NewWriter(stdout, 0, 8, 3, ' ', 0)
	fmt.Fprintln(tw, strings.Join(l.header, "\t"))
	for _, row := range l.cells {
		clean := make([]string, len(row))
		for i, c := range row {
			clean[i] = strings.ReplaceAll(kit.Sanitize(c), "\t", " ")
			if clean[i] == "" {
				clean[i] = "-"
			}
		}
		fmt.Fprintln(tw, strings.Join(clean, "\t"))
	}
	return tw.Flush()
}
