// Package dag turns a SageMaker pipeline definition into a step graph and
// lays that graph out in layers for drawing.
//
// The three stages are separate so each can be tested and reused:
//
//	ParseDefinition  definition JSON        → domain.PipelineDefinition
//	Build            domain.PipelineDefinition → *Graph (validated, deduplicated, acyclic)
//	Layout           *Graph                 → *LayeredLayout (Sugiyama-style layers)
//
// Everything here is pure and deterministic: the same input always gives
// the same output, byte for byte, so golden tests of the views are stable.
package dag
