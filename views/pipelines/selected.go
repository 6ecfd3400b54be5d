package pipelines

import (
	"strings"

	"github.com/agdash/agdash/views/kit"
)

var _ kit.Selector = (*Pane)(nil)

// Selected is what the view is of: the pipeline under the cursor; the
// execution under the cursor, or open in its graph; in a step's detail,
// the training job the step ran or the model version it registered (the
// execution when it has neither).
func (p *Pane) Selected() (kit.Resource, bool) {
	if p.ctx == nil {
		return kit.Resource{}, false
	}
	switch p.mode {
	case modeList:
		pl, ok := p.pipeTable.Selected()
		if !ok {
			return kit.Resource{}, false
		}
		return kit.Resource{Kind: kit.ResourcePipeline, Name: pl.Name, ARN: pl.ARN}, true
	case modeStep:
		if s, ok := p.selectedStep(); ok {
			switch {
			case s.TrainingJobARN != "":
				return kit.Resource{Kind: kit.ResourceTrainingJob, Name: lastPart(s.TrainingJobARN, ":training-job/"), ARN: s.TrainingJobARN}, true
			case s.ModelPackageARN != "":
				// model-package/GROUP/VERSION
				group, version := "", ""
				rest := lastPart(s.ModelPackageARN, ":model-package/")
				if i := strings.LastIndex(rest, "/"); i > 0 {
					group, version = rest[:i], rest[i+1:]
				}
				return kit.Resource{Kind: kit.ResourceModelVersion, Parent: group, Name: version, ARN: s.ModelPackageARN}, true
			}
		}
	}
	e, ok := p.currentExecution()
	switch {
	case ok:
		pipeline := e.PipelineName
		if pipeline == "" {
			pipeline = p.pipeline
		}
		return kit.Resource{Kind: kit.ResourcePipelineExecution, ARN: e.ARN, Name: executionName(e), Parent: p.canonical(pipeline)}, true
	case p.mode == modeGraph || p.mode == modeStep:
		// The graph is open before its execution has loaded.
		return kit.Resource{Kind: kit.ResourcePipelineExecution, ARN: p.arn, Parent: p.pipeline}, p.arn != ""
	}
	return kit.Resource{}, false
}
