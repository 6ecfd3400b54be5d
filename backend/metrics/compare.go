package metrics

import (
	"math"
	"strconv"

	"github.com/agdash/agdash/backend/domain"
)

// Verdict says how a value compares with the baseline's.
type Verdict int

const (
	// NoVerdict: no baseline, a value missing on either side, or the
	// baseline's own cell.
	NoVerdict Verdict = iota
	Better
	Worse
	Equal
	// Changed: the values differ but the metric's direction is unknown.
	Changed
)

func (v Verdict) String() string {
	switch v {
	case Better:
		return "better"
	case Worse:
		return "worse"
	case Equal:
		return "equal"
	case Changed:
		return "changed"
	}
	return ""
}

// Comparison is model versions side by side on their metrics.
type Comparison struct {
	Columns []Column // one per version, in the order given
	Rows    []Row    // one per metric any version has, in canonical order
	// Baseline is the index in Columns of the version deltas are measured
	// against, or -1 when there is none.
	Baseline int
	// Hyperparameters are those whose values differ between the versions
	// (HyperparameterDiff). HyperparametersKnown is false when no version
	// has any: none of their training jobs is known.
	Hyperparameters      []HyperRow
	HyperparametersKnown bool
}

// Column is one model version.
type Column struct {
	// Label names the version in headers: "v3", or "group v3" when the
	// versions come from more than one group.
	Label    string
	Group    string
	Version  int
	Approval string
	Baseline bool
	// Err says why this version's report gives no values ("" when it does).
	Err string
}

// Row is one metric across the versions.
type Row struct {
	Metric    string
	Direction domain.MetricDirection
	Cells     []Cell // one per column
	// Best lists the columns holding the best value (several on a tie).
	// It is empty when the direction is unknown or fewer than two
	// versions have the metric.
	Best []int
}

// Cell is one version's value of one metric.
type Cell struct {
	Present   bool // false: show Missing
	Value     float64
	StdDev    float64
	HasStdDev bool
	// Delta is Value minus the baseline's value, set when HasDelta: both
	// are present and this is not the baseline column.
	HasDelta bool
	Delta    float64
	// Relative is Delta over the baseline's magnitude (-0.037 is 3.7 %
	// lower), set when HasRelative: HasDelta and the baseline is not 0.
	HasRelative bool
	Relative    float64
	Verdict     Verdict
}

// IsBest reports whether column col holds the row's best value.
func (r Row) IsBest(col int) bool {
	for _, b := range r.Best {
		if b == col {
			return true
		}
	}
	return false
}

// Compare lays versions side by side. baseline is the version number
// deltas are measured against (the approved one); 0, or a number not
// among versions, means no deltas. Versions whose report is not loaded or
// failed to parse stay as columns with Err set, and have no values.
func Compare(versions []domain.ModelVersion, baseline int) Comparison {
	c := Comparison{Baseline: -1}
	groups := map[string]bool{}
	for _, v := range versions {
		groups[v.Group] = true
	}
	for i, v := range versions {
		col := Column{Group: v.Group, Version: v.Version, Approval: v.Approval, Err: reportProblem(v)}
		col.Label = "v" + strconv.Itoa(v.Version)
		if len(groups) > 1 {
			col.Label = v.Group + " " + col.Label
		}
		if baseline != 0 && v.Version == baseline && c.Baseline < 0 {
			col.Baseline = true
			c.Baseline = i
		}
		c.Columns = append(c.Columns, col)
	}

	// The union of metric names, in the canonical order of the first
	// readable report's format.
	format := ""
	seen := map[string]bool{}
	var names []string
	for i, v := range versions {
		if c.Columns[i].Err != "" {
			continue
		}
		if format == "" {
			format = v.Report.Format
		}
		for _, m := range v.Report.Metrics {
			if !seen[m.Name] {
				seen[m.Name] = true
				names = append(names, m.Name)
			}
		}
	}
	SortNames(format, names)

	for _, name := range names {
		c.Rows = append(c.Rows, c.row(versions, name))
	}
	c.Hyperparameters = HyperparameterDiff(versions)
	for _, v := range versions {
		c.HyperparametersKnown = c.HyperparametersKnown || len(v.Hyperparameter) > 0
	}
	return c
}

func (c Comparison) row(versions []domain.ModelVersion, name string) Row {
	r := Row{Metric: name, Direction: Direction(name), Cells: make([]Cell, len(versions))}
	for i, v := range versions {
		if c.Columns[i].Err != "" {
			continue
		}
		if m, ok := v.Report.Metric(name); ok {
			r.Cells[i] = Cell{Present: true, Value: m.Value, StdDev: m.StdDev, HasStdDev: m.HasStdDev}
			if r.Direction == domain.DirectionUnknown {
				r.Direction = m.Better
			}
		}
	}
	if c.Baseline >= 0 && r.Cells[c.Baseline].Present {
		base := r.Cells[c.Baseline].Value
		for i := range r.Cells {
			cell := &r.Cells[i]
			if i == c.Baseline || !cell.Present {
				continue
			}
			cell.HasDelta, cell.Delta = true, cell.Value-base
			if base != 0 {
				cell.HasRelative, cell.Relative = true, cell.Delta/math.Abs(base)
			}
			cell.Verdict = verdict(cell.Value, base, r.Direction)
		}
	}
	r.Best = best(r.Cells, r.Direction)
	return r
}

func verdict(v, base float64, d domain.MetricDirection) Verdict {
	switch {
	case same(v, base):
		return Equal
	case d == domain.DirectionUnknown:
		return Changed
	case (v < base) == (d == domain.LowerIsBetter):
		return Better
	}
	return Worse
}

func best(cells []Cell, d domain.MetricDirection) []int {
	if d == domain.DirectionUnknown {
		return nil
	}
	top, present := -1, 0
	for i, c := range cells {
		if !c.Present {
			continue
		}
		present++
		if top < 0 || verdict(c.Value, cells[top].Value, d) == Better {
			top = i
		}
	}
	if present < 2 {
		return nil
	}
	var out []int
	for i, c := range cells {
		if c.Present && same(c.Value, cells[top].Value) {
			out = append(out, i)
		}
	}
	return out
}

// same treats values equal up to floating-point noise from arithmetic
// in evaluation scripts.
func same(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// reportProblem says why a version's report cannot be compared, or "".
func reportProblem(v domain.ModelVersion) string {
	switch {
	case v.Report.Err != "":
		return v.Report.Err
	case !v.Report.Loaded && v.Detailed && v.MetricsURI == "":
		return "This version has no evaluation report."
	case !v.Report.Loaded:
		return "The evaluation report has not been loaded yet."
	}
	return ""
}
