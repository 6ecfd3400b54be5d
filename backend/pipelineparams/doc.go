// Package pipelineparams checks pipeline parameter overrides before
// StartPipelineExecution, so that a typo is reported in the dialog rather
// than as a ValidationException from AWS, and keeps only the values that
// differ from the pipeline's defaults.
package pipelineparams
