package registry

import (
	"strings"
	"unicode/utf8"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/form"
)

// maxApprovalNote is SageMaker's limit on ApprovalDescription.
const maxApprovalNote = 1024

// approval is the comment form shown before approving or rejecting a
// version; its answer becomes a SetApproval request for the shell to
// confirm.
type approval struct {
	form    *form.Form
	version domain.ModelVersion
	approve bool
}

func newApproval(v domain.ModelVersion, approve bool, all []domain.ModelVersion) *approval {
	verb, hint := "Reject", "Required: say why, for the people who trained it."
	if approve {
		verb, hint = "Approve", "Optional."
	}
	hint += " At most 1,024 characters (SageMaker's ApprovalDescription)."
	f := form.New(verb+" "+kit.Sanitize(v.Group)+" "+label(v.Version), form.Field{
		Name: "note", Label: "Comment", Hint: hint,
		Placeholder: map[bool]string{true: "e.g. RMSE down 2.5% on the May 2025 hold-out", false: "e.g. worse RMSE on 4-room flats in mature estates"}[approve],
		Validate:    noteCheck(approve),
	})
	f.SetNote(approvalNote(v, approve, all))
	return &approval{form: f, version: v, approve: approve}
}

// noteCheck validates the comment: required to reject, and within
// SageMaker's length limit.
func noteCheck(approve bool) func(string) string {
	return func(s string) string {
		s = strings.TrimSpace(s)
		n := utf8.RuneCountInString(s)
		switch {
		case !approve && n == 0:
			return "A rejection needs a comment saying why."
		case n > maxApprovalNote:
			return kit.Count(int64(n)) + " characters: SageMaker takes at most 1,024."
		}
		return ""
	}
}

// approvalNote says what the decision is about: the headline metric
// against the approved version, and what the change does.
func approvalNote(v domain.ModelVersion, approve bool, all []domain.ModelVersion) string {
	var parts []string
	if h := headlineSummary(v, all); h != "" {
		parts = append(parts, h)
	}
	switch {
	case approve:
		parts = append(parts, "Approving sets its status to Approved; in AG's MLOps templates that starts the deployment pipeline.")
	case v.Approval == domain.ApprovalApproved:
		parts = append(parts, "It is the approved version now: rejecting it sets its status to Rejected.")
	default:
		parts = append(parts, "Rejecting sets its status to Rejected; the version stays in the registry.")
	}
	return strings.Join(parts, " ")
}

// againstApproved compares v with the approved version of all, if there
// is one and it is not v; approved is 0 when there is none to compare.
func againstApproved(v domain.ModelVersion, all []domain.ModelVersion) (c metrics.Comparison, approved int) {
	pair := []domain.ModelVersion{v}
	approved = approvedVersion(all)
	if a, ok := findVersion(all, approved); ok && approved != v.Version {
		pair = append(pair, a)
	} else {
		approved = 0
	}
	return metrics.Compare(pair, approved), approved
}

// headlineSummary is "rmse 31,000.5 (-2.5% against v12, approved)".
func headlineSummary(v domain.ModelVersion, all []domain.ModelVersion) string {
	c, approved := againstApproved(v, all)
	if len(c.Rows) == 0 || !c.Rows[0].Cells[0].Present {
		return ""
	}
	r := c.Rows[0]
	n := numbersOf(r)
	s := label(v.Version) + ": " + kit.Sanitize(r.Metric) + " " + n.Value(r.Cells[0].Value)
	if cell := r.Cells[0]; cell.HasDelta {
		change := n.Delta(cell.Delta)
		if cell.HasRelative {
			change = relative(cell.Delta, cell.Relative)
		}
		s += " (" + change + " against " + label(approved) + ", approved"
		if v := cell.Verdict.String(); v != "" && cell.Verdict != metrics.Changed {
			s += ": " + v
		}
		s += ")"
	}
	return s + "."
}

// request is the action the form's answer asks for.
func (a *approval) request() backend.SetApproval {
	return backend.SetApproval{
		ModelPackageARN: a.version.ARN,
		Group:           a.version.Group,
		Version:         a.version.Version,
		Approve:         a.approve,
		Note:            a.form.Value("note"),
	}
}

// actionNote is the outcome of the last approval, in words, kept with the
// version it was about.
type actionNote struct {
	group   string
	version int
	ok      bool
	text    string
}

func (n *actionNote) about(group string, version int) bool {
	return n != nil && n.group == group && n.version == version
}

func (n *actionNote) line() string {
	if n == nil {
		return ""
	}
	if n.ok {
		return "✓ AWS answered: " + n.text
	}
	return "✗ " + n.text
}
