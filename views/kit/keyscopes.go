package kit

// KeyScope is one set of keys a pane answers to at a time: its list, its
// detail, a form. Two bindings of one scope must not share a key.
type KeyScope struct {
	// Name says where the scope applies: "list", "detail", "logs".
	Name string
	Keys *KeyMap
}

// KeyScoper is implemented by panes that can list every key map they
// use, not only the one in force now. After Init, the shell reads them
// to check the config file's key bindings (unknown names, two bindings
// on one key) and to write docs/KEYS.md. Panes without it are checked
// only on the keys of their first screen.
type KeyScoper interface {
	KeyScopes() []KeyScope
}
