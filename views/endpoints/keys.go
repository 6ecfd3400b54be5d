package endpoints

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/form"
)

// bindings declares the pane's keys beside what they do: the list's (with
// its table's), the detail's (with its scrolling) and the smoke-test
// answer's.
func (p *Pane) bindings() (list, detail, answer *kit.KeyMap) {
	const sec = "Endpoints"
	invoke := kit.Binding{Name: "endpoints.invoke", Keys: []string{"i"}, Help: "smoke-test: send a sample request", Section: sec,
		Action: domain.ActionInvokeEndpoint, Run: func(tea.KeyMsg) tea.Cmd { return p.startSmoke() }}
	list = kit.NewKeyMap(
		kit.Binding{Name: "endpoints.open", Keys: []string{"enter"}, Help: "open details", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd {
				if r, ok := p.list.Selected(); ok {
					p.openEndpoint(r.Name)
				}
				return nil
			}},
		invoke,
		kit.Binding{Name: "endpoints.spark", Keys: []string{"t"}, Help: "trend: invocations / 5xx", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd {
				p.spark = 1 - p.spark
				p.setSparkTitle()
				return nil
			}},
	)
	list.Merge(p.list.Keys())

	show := func(s section) func(tea.KeyMsg) tea.Cmd {
		return func(tea.KeyMsg) tea.Cmd { p.showSection(s); return nil }
	}
	detail = kit.NewKeyMap(
		kit.Binding{Name: "endpoints.back", Keys: []string{"esc", "backspace"}, Help: "back to the list", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { p.closeDetail(); return nil }},
		kit.Binding{Name: "endpoints.overview", Keys: []string{"o"}, Help: "overview: health, path, variants, alarms", Section: sec, Run: show(secOverview)},
		kit.Binding{Name: "endpoints.metrics", Keys: []string{"m"}, Help: "metric charts", Section: sec, Run: show(secMetrics)},
		kit.Binding{Name: "endpoints.logs", Keys: []string{"l"}, Help: "recent log lines", Section: sec, Run: show(secLogs)},
		kit.Binding{Name: "endpoints.nextsection", Keys: []string{"right"}, Help: "next section", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { p.showSection((p.sec + 1) % sectionCount); return nil }},
		kit.Binding{Name: "endpoints.prevsection", Keys: []string{"left"}, Help: "previous section", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { p.showSection((p.sec + sectionCount - 1) % sectionCount); return nil }},
		kit.Binding{Name: "endpoints.window", Keys: []string{"w"}, Help: "chart window: 1 h, 3 h, 24 h", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd {
				p.window = (p.window + 1) % len(windows)
				p.showSection(secMetrics)
				return nil
			}},
		invoke,
	)
	detail.Merge(p.detail.Keys())

	answer = kit.NewKeyMap(
		kit.Binding{Name: "endpoints.answer.close", Keys: []string{"esc", "backspace"}, Help: "close the answer", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { p.smoke = nil; return nil }},
		kit.Binding{Name: "endpoints.answer.again", Keys: []string{"i"}, Help: "edit the request and send again", Section: sec,
			Action: domain.ActionInvokeEndpoint, Run: func(tea.KeyMsg) tea.Cmd {
				p.smoke.form = newSmokeForm(p.smoke.endpoint, p.smoke.sent)
				return nil
			}},
	)
	answer.Merge(p.answer.Keys())
	return list, detail, answer
}

// setSparkTitle names the trend column after what it draws. The table
// shares the column slice, so its header follows.
func (p *Pane) setSparkTitle() { p.cols[sparkCol].Title = sparkTitle(p.spark) }

// openEndpoint shows name in detail, from its overview.
func (p *Pane) openEndpoint(name string) {
	if name == "" {
		return
	}
	if name != p.open {
		p.one, p.oneState, p.logsState = nil, backend.FeedState{}, backend.FeedState{}
		p.logs.reset()
		p.window = 0
	}
	p.open, p.sec, p.smoke = name, secOverview, nil
	p.detail.GotoTop()
	p.refreshDetail()
}

func (p *Pane) closeDetail() {
	p.open, p.one = "", nil
	p.logs.reset()
}

func (p *Pane) showSection(s section) {
	if s != p.sec {
		p.detail.GotoTop()
	}
	p.sec = s
	p.refreshDetail()
}

// startSmoke opens the smoke-test form for the open or selected endpoint,
// starting from its sample payload.
func (p *Pane) startSmoke() tea.Cmd {
	var e domain.Endpoint
	switch {
	case p.open != "":
		if got, ok := p.endpoint(); ok {
			e = got
		} else {
			e.Name = p.open
		}
	default:
		r, ok := p.list.Selected()
		if !ok {
			return nil
		}
		e = r.Endpoint
	}
	s := sampleFor(e, p.samples)
	p.smoke = &smoke{endpoint: e.Name, sent: s, form: newSmokeForm(e.Name, s)}
	if e.Status != "" && e.Status != domain.EndpointInService && e.Status != domain.EndpointUpdating {
		p.smoke.form.SetNote("The endpoint is " + kit.Sanitize(e.Status) + ", so SageMaker will likely refuse the request; send it to see its answer. It changes nothing in AWS.")
	}
	return nil
}

// formKey types into the smoke-test form; a valid submit asks the shell
// to confirm and send the request.
func (p *Pane) formKey(msg tea.KeyMsg) tea.Cmd {
	out, cmd := p.smoke.form.Update(msg)
	switch out {
	case form.Cancelled:
		p.smoke = nil
		return cmd
	case form.Submitted:
		req, sent, problems := request(p.smoke.endpoint, p.smoke.form.Values())
		if problems != nil {
			p.smoke.form.SetErrors(problems)
			return cmd
		}
		// The answer comes back as an ActionDoneMsg and reopens this view;
		// a cancelled confirmation leaves nothing waiting.
		p.smoke.sent = sent
		p.smoke = nil
		return tea.Batch(cmd, kit.Confirm(kit.PaneEndpoints, req))
	}
	return cmd
}

// actionDone shows the answer to a smoke request.
func (p *Pane) actionDone(msg kit.ActionDoneMsg) {
	req, ok := msg.Req.(backend.InvokeEndpoint)
	if !ok {
		return
	}
	a := &answer{err: msg.Err, result: msg.Result.Invoke}
	if a.err == nil && a.result == nil {
		a.result = &backend.InvokeResult{}
	}
	p.smoke = &smoke{endpoint: req.Endpoint, sent: Sample{ContentType: req.ContentType, Body: string(req.Body)}, answer: a}
	p.answer.GotoTop()
	p.refreshAnswer()
}
