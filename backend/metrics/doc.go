// Package metrics reads model evaluation reports and compares registered
// model versions on them.
//
// ParseReport understands SageMaker's model-quality JSON (regression,
// binary and multiclass classification) and the flat JSON that custom
// evaluation scripts write. Direction says which way a metric improves.
// Compare lays several versions side by side with deltas against a
// baseline (usually the approved version) and marks the best values;
// ComparisonCSV and ComparisonMarkdown export that table.
package metrics
