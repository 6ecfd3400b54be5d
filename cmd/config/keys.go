package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// KeyList is a binding's keys: one key or a list of them. "space" is
// the space bar.
type KeyList []string

func (k *KeyList) UnmarshalYAML(n *yaml.Node) error {
	var keys []string
	switch n.Kind {
	case yaml.ScalarNode:
		keys = []string{n.Value}
	case yaml.SequenceNode:
		if err := n.Decode(&keys); err != nil {
			return err
		}
	default:
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: a key binding is one key or a list of keys", n.Line)}}
	}
	for i, key := range keys {
		if key == "space" {
			keys[i] = " "
		}
	}
	*k = keys
	return nil
}
