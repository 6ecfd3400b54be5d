package ui

import (
	"context"
	"fmt"
	"io"

	"github.com/charmbracelet/lipgloss"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// KeyScope is one set of keys that answer together: the shell's global
// keys, the command line, help, or one screen of a pane.
type KeyScope struct {
	// Area is "Shell" or the pane's title.
	Area string
	// Name is the scope within the area: "global", "detail", "logs".
	Name string
	// Bindings after the overrides the catalog was built with.
	Bindings []kit.Binding
	// Complete is false for a pane that cannot list all its key maps (it
	// does not implement kit.KeyScoper): only its first screen is here.
	Complete bool

	pane   kit.PaneID // "" for the shell
	global bool       // the shell's global keys, which come before a pane's
}

// KeyCatalog builds the shell and every pane offline (no terminal, no
// AWS), with overrides applied as the config file would apply them, and
// lists every key scope: the shell's first, then each pane's in tab
// order.
func KeyCatalog(overrides map[string][]string) (scopes []KeyScope, err error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := lipgloss.NewRenderer(io.Discard)
	m, err := newModel(ctx, newOfflineService(), Options{KeyOverrides: overrides}, r, themes.BuildNoColor(r), deps{})
	if err != nil {
		return nil, err
	}
	m.ctx.Width, m.ctx.Height = 120, 40
	withQuit := func(km *kit.KeyMap) []kit.Binding { return append(km.Bindings(), m.quitKeys.Bindings()...) }
	scopes = []KeyScope{
		{Area: "Shell", Name: "global", Bindings: withQuit(m.globalKeys), Complete: true, global: true},
		{Area: "Shell", Name: "command line", Bindings: withQuit(m.promptMap), Complete: true},
		{Area: "Shell", Name: "help", Bindings: withQuit(m.helpMap), Complete: true},
	}
	for _, s := range m.slots {
		ps, err := paneScopes(s, m.ctx)
		if err != nil {
			return nil, err
		}
		scopes = append(scopes, ps...)
	}
	return scopes, nil
}

// paneScopes initialises one pane offline and lists its key scopes. A
// pane that panics on the way is reported, not fatal.
func paneScopes(s *slot, ctx *kit.Context) (scopes []KeyScope, err error) {
	defer func() {
		if v := recover(); v != nil {
			scopes, err = nil, fmt.Errorf("the %s pane could not be built to list its keys: %v", s.spec.title, v)
		}
	}()
	s.pane.Init(ctx)
	if ks, ok := s.pane.(kit.KeyScoper); ok {
		for _, sc := range ks.KeyScopes() {
			if sc.Keys == nil {
				continue
			}
			scopes = append(scopes, KeyScope{Area: s.spec.title, Name: sc.Name, Bindings: sc.Keys.Bindings(), Complete: true, pane: s.spec.id})
		}
		return scopes, nil
	}
	return []KeyScope{{Area: s.spec.title, Name: "first screen", Bindings: s.pane.Keys(), pane: s.spec.id}}, nil
}
