package config

import (
	"go.yaml.in/yaml/v3"
)

// index maps the file's key paths to lines and back, so that problems
// found by the YAML decoder (which knows lines) and by validation (which
// knows key paths) can each say both.
type index struct {
	lines map[string]int     // "intervals.endpoints" → line of the key
	paths map[int]string     // line → the deepest key path on it
	nodes map[int]*yaml.Node // line → the value node on it
}

func newIndex(root *yaml.Node) index {
	ix := index{lines: map[string]int{}, paths: map[int]string{}, nodes: map[int]*yaml.Node{}}
	if root != nil && root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		ix.walk("", root.Content[0])
	}
	return ix
}

func (ix index) walk(prefix string, n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if prefix != "" {
				p = prefix + "." + k.Value
			}
			ix.lines[p] = k.Line
			ix.paths[k.Line] = p
			ix.nodes[k.Line] = v
			ix.walk(p, v)
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			if _, ok := ix.paths[item.Line]; !ok {
				ix.paths[item.Line] = prefix
				ix.nodes[item.Line] = item
			}
			ix.walk(prefix, item)
		}
	}
}

// line of a key path, 0 when the file does not have it.
func (ix index) line(path string) int { return ix.lines[path] }

// at is the key path and value node on a line.
func (ix index) at(line int) (string, *yaml.Node) { return ix.paths[line], ix.nodes[line] }
