// Package themes owns every colour agdash draws with. Palettes are YAML data
// (embedded, validated on load) and are turned once into a typed Styles that
// panes take their looks from. No other package names a colour.
package themes
