package themes

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles is a theme made ready to draw with: built once per theme change,
// shared by every pane through the kit Context.
type Styles struct {
	Name    string
	NoColor bool

	Text, Muted, Accent, Bold Span

	HeaderApp, HeaderLabel, HeaderValue     Span
	BadgeSandbox, BadgeReadOnly, BadgeScope Span

	TabActive, TabInactive Span
	Crumb, CrumbSep        Span

	TableHeader, TableHeaderSorted Span
	RowSelected                    Span
	Match, MatchSelected           Span
	status                         [familyCount]Span

	HelpKey, HelpDesc, HelpSection, HelpDisabled Span

	Dialog       lipgloss.Style // the box: border and padding
	DialogTitle  Span
	DialogDanger Span
	DialogHint   Span

	StatusLine, StatusOK, StatusStale, StatusError Span
	NotifyInfo, NotifyWarn, NotifyError            Span
	Banner                                         Span

	Prompt, PromptGhost, Suggestion, SuggestionActive Span

	Series        []Span
	Better, Worse Span

	// Changed marks what just changed state (an endpoint whose health moved).
	Changed Span
	// ChartAxis and ChartLine style line charts drawn by ntcharts, which
	// takes lipgloss styles: axes and labels, then one style per series.
	ChartAxis lipgloss.Style
	ChartLine []lipgloss.Style
}

// Status is the look of a status family.
func (s *Styles) Status(f Family) Span {
	if f < 0 || f >= familyCount {
		return s.status[FamilyNeutral]
	}
	return s.status[f]
}

// New builds the named built-in theme for r. With noColor it ignores the
// palette's colours and uses only attributes (bold, reverse, underline),
// as NO_COLOR asks.
func New(name string, r *lipgloss.Renderer, noColor bool) (*Styles, error) {
	if noColor {
		return BuildNoColor(r), nil
	}
	p, err := Load(name)
	if err != nil {
		return nil, err
	}
	return Build(p, r), nil
}

// Build turns a validated palette into Styles rendered by r.
func Build(p Palette, r *lipgloss.Renderer) *Styles {
	fg := func(key string) lipgloss.Style { return r.NewStyle().Foreground(lipgloss.Color(p.color(key))) }
	on := func(fgKey, bgKey string) lipgloss.Style {
		return r.NewStyle().Foreground(lipgloss.Color(p.color(fgKey))).Background(lipgloss.Color(p.color(bgKey)))
	}
	s := &Styles{Name: p.Name}
	s.Text = spanOf(fg("base.text"))
	s.Muted = spanOf(fg("base.muted"))
	s.Accent = spanOf(fg("base.accent"))
	s.Bold = spanOf(fg("base.text").Bold(true))

	s.HeaderApp = spanOf(fg("header.app").Bold(true))
	s.HeaderLabel = spanOf(fg("header.label"))
	s.HeaderValue = spanOf(fg("header.value"))
	s.BadgeSandbox = spanOf(on("badge.sandbox_fg", "badge.sandbox_bg").Bold(true))
	s.BadgeReadOnly = spanOf(on("badge.readonly_fg", "badge.readonly_bg").Bold(true))
	s.BadgeScope = spanOf(on("badge.scope_fg", "badge.scope_bg"))

	s.TabActive = spanOf(on("tab.active_fg", "tab.active_bg").Bold(true))
	s.TabInactive = spanOf(fg("tab.inactive"))
	s.Crumb = spanOf(fg("base.accent").Bold(true))
	s.CrumbSep = spanOf(fg("base.muted"))

	s.TableHeader = spanOf(fg("table.header").Bold(true))
	s.TableHeaderSorted = spanOf(fg("table.header").Bold(true).Underline(true))
	s.RowSelected = spanOf(on("table.selected_fg", "table.selected_bg"))
	s.Match = spanOf(fg("table.match").Bold(true))
	s.MatchSelected = spanOf(r.NewStyle().Foreground(lipgloss.Color(p.color("table.selected_fg"))).
		Background(lipgloss.Color(p.color("table.selected_bg"))).Bold(true).Underline(true))

	s.status[FamilyNeutral] = s.Text
	s.status[FamilyRunning] = spanOf(fg("status.running"))
	s.status[FamilySucceeded] = spanOf(fg("status.succeeded"))
	s.status[FamilyFailed] = spanOf(fg("status.failed").Bold(true))
	s.status[FamilyWarning] = spanOf(fg("status.warning"))
	s.status[FamilyStopped] = spanOf(fg("status.stopped"))
	s.status[FamilyPending] = spanOf(fg("status.pending"))

	s.HelpKey = spanOf(fg("help.key").Bold(true))
	s.HelpDesc = s.Text
	s.HelpSection = spanOf(fg("help.section").Bold(true))
	s.HelpDisabled = spanOf(fg("base.muted").Strikethrough(true))

	s.Dialog = r.NewStyle().Border(lipgloss.RoundedBorder()).
		BorderForeground(lipgloss.Color(p.color("dialog.border"))).Padding(0, 1)
	s.DialogTitle = spanOf(fg("dialog.title").Bold(true))
	s.DialogDanger = spanOf(fg("dialog.refused").Bold(true))
	s.DialogHint = s.Muted

	s.StatusLine = spanOf(fg("statusline.text"))
	s.StatusOK = spanOf(fg("statusline.ok"))
	s.StatusStale = spanOf(fg("statusline.stale"))
	s.StatusError = spanOf(fg("statusline.error").Bold(true))
	s.NotifyInfo = spanOf(fg("notify.info"))
	s.NotifyWarn = spanOf(fg("notify.warn").Bold(true))
	s.NotifyError = spanOf(fg("notify.error").Bold(true))
	s.Banner = spanOf(on("banner.fg", "banner.bg").Bold(true))

	s.Prompt = spanOf(fg("base.accent").Bold(true))
	s.PromptGhost = s.Muted
	s.Suggestion = s.Muted
	s.SuggestionActive = spanOf(fg("base.accent").Bold(true))

	for _, c := range p.series {
		s.Series = append(s.Series, spanOf(r.NewStyle().Foreground(lipgloss.Color(c))))
	}
	s.Better = spanOf(fg("delta.better"))
	s.Worse = spanOf(fg("delta.worse"))

	s.Changed = spanOf(fg("status.warning").Bold(true).Reverse(true))
	s.ChartAxis = fg("base.muted")
	for _, c := range p.series {
		s.ChartLine = append(s.ChartLine, r.NewStyle().Foreground(lipgloss.Color(c)))
	}
	return s
}

// BuildNoColor is the NO_COLOR theme: attributes only. The selected row is
// reversed; matches are underlined; badges are bold and reversed.
func BuildNoColor(r *lipgloss.Renderer) *Styles {
	plain := Span{}
	bold := spanOf(r.NewStyle().Bold(true))
	rev := spanOf(r.NewStyle().Reverse(true))
	s := &Styles{Name: "no-color", NoColor: true}
	s.Text, s.Muted, s.Accent, s.Bold = plain, spanOf(r.NewStyle().Faint(true)), bold, bold
	s.HeaderApp, s.HeaderLabel, s.HeaderValue = bold, plain, plain
	s.BadgeSandbox = spanOf(r.NewStyle().Bold(true).Reverse(true))
	s.BadgeReadOnly = s.BadgeSandbox
	s.BadgeScope = rev
	s.TabActive, s.TabInactive = spanOf(r.NewStyle().Bold(true).Reverse(true)), plain
	s.Crumb, s.CrumbSep = bold, plain
	s.TableHeader = bold
	s.TableHeaderSorted = spanOf(r.NewStyle().Bold(true).Underline(true))
	s.RowSelected = rev
	s.Match = spanOf(r.NewStyle().Underline(true).Bold(true))
	s.MatchSelected = spanOf(r.NewStyle().Reverse(true).Underline(true).Bold(true))
	for i := range s.status {
		s.status[i] = plain
	}
	s.status[FamilyFailed] = bold
	s.HelpKey, s.HelpDesc, s.HelpSection = bold, plain, spanOf(r.NewStyle().Bold(true).Underline(true))
	s.HelpDisabled = s.Muted
	s.Dialog = r.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 1)
	s.DialogTitle, s.DialogDanger, s.DialogHint = bold, bold, plain
	s.StatusLine, s.StatusOK, s.StatusStale, s.StatusError = plain, plain, bold, bold
	s.NotifyInfo, s.NotifyWarn, s.NotifyError = plain, bold, bold
	s.Banner = spanOf(r.NewStyle().Bold(true).Reverse(true))
	s.Prompt, s.PromptGhost, s.Suggestion, s.SuggestionActive = bold, s.Muted, plain, spanOf(r.NewStyle().Underline(true))
	s.Series = []Span{plain}
	s.Better, s.Worse = plain, bold
	s.Changed = spanOf(r.NewStyle().Bold(true).Underline(true))
	s.ChartAxis = r.NewStyle()
	s.ChartLine = []lipgloss.Style{r.NewStyle()}
	return s
}

// BuildNoColorPlain is the NO_COLOR theme drawn without any escape
// sequence at all: what golden tests compare against.
func BuildNoColorPlain() *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return BuildNoColor(r)
}
