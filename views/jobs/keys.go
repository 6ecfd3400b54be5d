package jobs

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// bindings declares the pane's keys beside what they do: one map for the
// list (with its table's keys), one for a detail (with its scrolling
// keys), one for the logs.
func (p *Pane) bindings() (list, detail, logs *kit.KeyMap) {
	const sec = "Training jobs"
	run := func(f func() tea.Cmd) func(tea.KeyMsg) tea.Cmd { return func(tea.KeyMsg) tea.Cmd { return f() } }
	do := func(f func()) func(tea.KeyMsg) tea.Cmd { return func(tea.KeyMsg) tea.Cmd { f(); return nil } }
	actions := []kit.Binding{
		{Name: "jobs.logs", Keys: []string{"l"}, Help: "logs", Section: sec, Run: run(p.showLogs)},
		{Name: "jobs.stop", Keys: []string{"ctrl+k", "S"}, Help: "stop the job", Section: sec,
			Mutates: true, Action: domain.ActionStopTrainingJob, Run: run(p.stop)},
		{Name: "jobs.copyname", Keys: []string{"c"}, Help: "copy the job's name", Section: sec, Run: run(func() tea.Cmd { return p.copy(false) })},
		{Name: "jobs.copyarn", Keys: []string{"C"}, Help: "copy the job's ARN", Section: sec, Run: run(func() tea.Cmd { return p.copy(true) })},
		{Name: "jobs.pipeline", Keys: []string{"p"}, Help: "jump to its pipeline run", Section: sec, Run: run(p.toPipeline)},
	}
	back := kit.Binding{Name: "jobs.back", Keys: []string{"esc", "backspace"}, Help: "back", Section: sec, Run: do(p.back)}

	list = kit.NewKeyMap(kit.Binding{Name: "jobs.open", Keys: []string{"enter"}, Help: "open details", Section: sec,
		Run: do(func() {
			if j, ok := p.table.Selected(); ok {
				p.openDetail(j.Name())
			}
		})})
	list.Add(actions...)
	list.Merge(p.table.Keys())

	detail = kit.NewKeyMap(back)
	detail.Add(actions...)
	detail.Merge(p.detail.Keys())

	const lsec = "Logs"
	v := func() *logView { return p.logs }
	logs = kit.NewKeyMap(back,
		kit.Binding{Name: "logs.follow", Keys: []string{"f"}, Help: "follow new lines on/off", Section: lsec, Run: do(func() { v().setFollow(!v().follow) })},
		kit.Binding{Name: "logs.wrap", Keys: []string{"w"}, Help: "wrap long lines on/off", Section: lsec, Run: do(func() { v().setWrap(!v().wrap) })},
		kit.Binding{Name: "logs.times", Keys: []string{"t"}, Help: "timestamps on/off", Section: lsec, Run: do(func() { v().setStamps(!v().stamps) })},
		kit.Binding{Name: "logs.nextstream", Keys: []string{"]"}, Help: "next stream (host)", Section: lsec, Run: do(func() { v().cycleStream(1) })},
		kit.Binding{Name: "logs.prevstream", Keys: []string{"["}, Help: "previous stream (host)", Section: lsec, Run: do(func() { v().cycleStream(-1) })},
		kit.Binding{Name: "logs.nextmatch", Keys: []string{"n"}, Help: "next match of / search", Section: lsec, Run: run(func() tea.Cmd { return p.jump(1) })},
		kit.Binding{Name: "logs.prevmatch", Keys: []string{"N"}, Help: "previous match", Section: lsec, Run: run(func() tea.Cmd { return p.jump(-1) })},
		kit.Binding{Name: "logs.up", Keys: []string{"up", "k"}, Help: "scroll up", Section: lsec, Run: do(func() { v().scroll(-1) })},
		kit.Binding{Name: "logs.down", Keys: []string{"down", "j"}, Help: "scroll down", Section: lsec, Run: do(func() { v().scroll(1) })},
		kit.Binding{Name: "logs.pageup", Keys: []string{"pgup", "ctrl+b"}, Help: "page up", Section: lsec, Run: do(func() { v().scroll(-max(1, v().height-1)) })},
		kit.Binding{Name: "logs.pagedown", Keys: []string{"pgdown", "ctrl+f", " "}, Help: "page down", Section: lsec, Run: do(func() { v().scroll(max(1, v().height-1)) })},
		kit.Binding{Name: "logs.top", Keys: []string{"home", "g"}, Help: "oldest line", Section: lsec, Run: do(func() { v().toTop() })},
		kit.Binding{Name: "logs.bottom", Keys: []string{"end", "G"}, Help: "newest line (and follow)", Section: lsec, Run: do(func() {
			v().follow = true
			v().toBottom()
		})},
	)
	logs.Add(actions[1:]...) // every action but "logs" itself
	return list, detail, logs
}

// openDetail shows a job's detail.
func (p *Pane) openDetail(name string) {
	p.switchJob(name)
	p.mode = modeDetail
	p.detail.GotoTop()
}

// switchJob makes name the open job, dropping what was known of another.
func (p *Pane) switchJob(name string) {
	if name == p.open {
		return
	}
	p.open = name
	p.jobData, p.jobState = nil, backend.FeedState{}
	keep := p.logs
	p.logs = newLogView(MaxLogLines)
	p.logs.wrap, p.logs.stamps = keep.wrap, keep.stamps
	p.logs.setSize(p.width-logMargin, p.height-1)
	p.gen++
}

// showLogs opens the logs of the job under the cursor or open.
func (p *Pane) showLogs() tea.Cmd {
	if p.mode == modeList {
		j, ok := p.table.Selected()
		if !ok {
			return nil
		}
		p.switchJob(j.Name())
	}
	p.openLogs(p.mode)
	return nil
}

func (p *Pane) openLogs(from mode) {
	if p.mode != modeLogs {
		p.logsFrom = from
	}
	p.mode = modeLogs
	// Leaving the logs unsubscribes their feed; coming back, it starts
	// again from the beginning, so the view does too.
	p.logs.got = false
	p.logs.state = backend.FeedState{}
}

// back leaves the logs for where they were opened from, or a detail for
// the list.
func (p *Pane) back() {
	switch p.mode {
	case modeLogs:
		p.mode = p.logsFrom
		if p.mode == modeDetail {
			p.built = builtKey{}
			return
		}
	case modeDetail:
		p.mode = modeList
	default:
		return
	}
	p.open = ""
	p.jobData = nil
}

func (p *Pane) jump(dir int) tea.Cmd {
	v := p.logs
	if v.query == "" {
		return kit.Notify(kit.LevelInfo, "Nothing to find: / searches the log.")
	}
	if !v.nextMatch(dir) {
		return kit.Notify(kit.LevelInfo, "No line matches /"+kit.Sanitize(v.query)+".")
	}
	return nil
}
