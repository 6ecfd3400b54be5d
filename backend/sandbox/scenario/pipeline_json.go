package scenario

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The generator writes pipeline definitions in SageMaker's own JSON format,
// as the SageMaker Python SDK would compile them.

type pipelineDoc struct {
	Version                  string         `json:"Version"`
	Metadata                 map[string]any `json:"Metadata"`
	Parameters               []paramDoc     `json:"Parameters"`
	PipelineExperimentConfig map[string]any `json:"PipelineExperimentConfig"`
	Steps                    []stepDoc      `json:"Steps"`
}

type paramDoc struct {
	Name         string `json:"Name"`
	Type         string `json:"Type"`
	DefaultValue any    `json:"DefaultValue"`
}

type stepDoc struct {
	Name          string           `json:"Name"`
	Type          string           `json:"Type"`
	Arguments     map[string]any   `json:"Arguments"`
	DependsOn     []string         `json:"DependsOn,omitempty"`
	PropertyFiles []map[string]any `json:"PropertyFiles,omitempty"`
}

func get(path string) map[string]any { return map[string]any{"Get": path} }

func join(on string, values ...any) map[string]any {
	return map[string]any{"Std:Join": map[string]any{"On": on, "Values": values}}
}

func outputURI(step, output string) map[string]any {
	return get("Steps." + step + ".ProcessingOutputConfig.Outputs['" + output + "'].S3Output.S3Uri")
}

// paramName turns num_trees into NumTrees.
func paramName(key string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(key, func(r rune) bool { return r == '_' || r == '-' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// definition renders a project's pipeline of the given shape.
func (g *gen) definition(pi *projectInfo, shape []ShapeStep) (string, error) {
	p := pi.p
	root := "s3://" + pi.bucket + "/" + p.Name
	doc := pipelineDoc{
		Version:                  "2020-12-01",
		Metadata:                 map[string]any{},
		PipelineExperimentConfig: map[string]any{"ExperimentName": get("Execution.PipelineName"), "TrialName": get("Execution.PipelineExecutionId")},
		Parameters: []paramDoc{
			{"ProcessingInstanceType", "String", "ml.m5.xlarge"},
			{"TrainingInstanceType", "String", p.Limits.Training[0]},
			{"InputDataUrl", "String", "s3://" + pi.dataBucket + "/raw/" + p.Name + "/"},
			{"ModelApprovalStatus", "String", "PendingManualApproval"},
			{"QualityThreshold", "Float", p.Threshold},
		},
	}
	hp := map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(p.Hyperparameters)) {
		vals := p.Hyperparameters[k]
		if len(vals) == 0 {
			continue
		}
		typ, def := "String", any(vals[0])
		if n, err := strconv.ParseInt(vals[0], 10, 64); err == nil {
			typ, def = "Integer", n
		} else if f, err := strconv.ParseFloat(vals[0], 64); err == nil {
			typ, def = "Float", f
		}
		doc.Parameters = append(doc.Parameters, paramDoc{paramName(k), typ, def})
		hp[k] = join("", get("Parameters."+paramName(k)))
	}
	if p.Problem == "binary" {
		hp["objective"] = "binary:logistic"
		hp["eval_metric"] = "auc"
	}
	types := map[string]string{}
	feeds := map[string]bool{} // steps whose output a later processing step merges
	for _, st := range shape {
		if st.Type == "Processing" {
			for _, a := range st.After {
				feeds[a] = true
			}
		}
	}
	var prepStep, trainStep, evalStep string
	var steps []stepDoc
	for _, st := range shape {
		types[st.Name] = st.Type
		switch st.Type {
		case "Processing":
			steps = append(steps, g.processingStep(pi, st, types, feeds, root))
			if !feeds[st.Name] {
				prepStep = st.Name
			}
		case "Training":
			trainStep = st.Name
			steps = append(steps, stepDoc{Name: st.Name, Type: "Training", Arguments: map[string]any{
				"AlgorithmSpecification": map[string]any{"TrainingImage": pi.image, "TrainingInputMode": "File", "MetricDefinitions": pi.metricDefs, "EnableSageMakerMetricsTimeSeries": true},
				"OutputDataConfig":       map[string]any{"S3OutputPath": root + "/models"},
				"StoppingCondition":      map[string]any{"MaxRuntimeInSeconds": 86400},
				"ResourceConfig":         map[string]any{"VolumeSizeInGB": 30, "InstanceCount": 1, "InstanceType": get("Parameters.TrainingInstanceType")},
				"RoleArn":                g.domains[p.Agency].role,
				"HyperParameters":        hp,
				"InputDataConfig": []any{
					channel("train", outputURI(prepStep, "train")),
					channel("validation", outputURI(prepStep, "validation")),
				},
			}})
		case "Evaluation":
			evalStep = st.Name
			s := g.processingStep(pi, st, types, feeds, root)
			s.Arguments["ProcessingInputs"] = []any{
				procInput("model", get("Steps."+trainStep+".ModelArtifacts.S3ModelArtifacts"), "/opt/ml/processing/model"),
				procInput("test", outputURI(prepStep, "test"), "/opt/ml/processing/test"),
				procInput("code", root+"/code/evaluate."+ext(p), "/opt/ml/processing/input/code"),
			}
			s.Arguments["ProcessingOutputConfig"] = map[string]any{"Outputs": []any{procOutput("evaluation", join("/", root+"/evaluation", get("Execution.ExecutionId")), "/opt/ml/processing/evaluation")}}
			s.PropertyFiles = []map[string]any{{"PropertyFileName": "EvaluationReport", "OutputName": "evaluation", "FilePath": "evaluation.json"}}
			steps = append(steps, s)
		case "Condition":
			metric := map[string]any{"Std:JsonGet": map[string]any{
				"PropertyFile": get("Steps." + evalStep + ".PropertyFiles.EvaluationReport"),
				"Path":         headlinePath(p.Problem)}}
			op := "LessThanOrEqualTo"
			if p.Problem == "binary" {
				op = "GreaterThanOrEqualTo"
			}
			register := stepDoc{Name: st.If[0], Type: "RegisterModel", Arguments: map[string]any{
				"ModelPackageGroupName":   p.Name,
				"ModelPackageDescription": p.Description,
				"ModelApprovalStatus":     get("Parameters.ModelApprovalStatus"),
				"ModelMetrics": map[string]any{"ModelQuality": map[string]any{"Statistics": map[string]any{
					"ContentType": "application/json", "S3Uri": join("/", outputURI(evalStep, "evaluation"), "evaluation.json")}}},
				"InferenceSpecification": map[string]any{
					"Containers":                              []any{map[string]any{"Image": pi.image, "ModelDataUrl": get("Steps." + trainStep + ".ModelArtifacts.S3ModelArtifacts")}},
					"SupportedContentTypes":                   []string{"text/csv", "application/json"},
					"SupportedResponseMIMETypes":              []string{"application/json"},
					"SupportedRealtimeInferenceInstanceTypes": p.Limits.Endpoint,
					"SupportedTransformInstanceTypes":         []string{"ml.m5.xlarge"},
				},
			}}
			fail := stepDoc{Name: st.Else[0], Type: "Fail", Arguments: map[string]any{
				"ErrorMessage": join(" ", "Model quality below the bar:", headlineName(p.Problem), "=", metric, "against threshold", get("Parameters.QualityThreshold")),
			}}
			steps = append(steps, stepDoc{Name: st.Name, Type: "Condition", Arguments: map[string]any{
				"Conditions": []any{map[string]any{"Type": op, "LeftValue": metric, "RightValue": get("Parameters.QualityThreshold")}},
				"IfSteps":    []any{register},
				"ElseSteps":  []any{fail},
			}})
		}
	}
	doc.Steps = steps
	b, err := json.MarshalIndent(doc, "", "  ")
	return string(b), err
}

func (g *gen) processingStep(pi *projectInfo, st ShapeStep, types map[string]string, feeds map[string]bool, root string) stepDoc {
	p := pi.p
	entry := []string{"python3", "/opt/ml/processing/input/code/" + codeName(st.Name) + ".py"}
	if p.Language == "r" {
		entry = []string{"Rscript", "/opt/ml/processing/input/code/" + codeName(st.Name) + ".R"}
	}
	var inputs []any
	var deps []string
	if len(st.After) == 0 {
		inputs = append(inputs, procInput("input-1", get("Parameters.InputDataUrl"), "/opt/ml/processing/input"))
	} else {
		for _, a := range st.After {
			if types[a] == "Processing" {
				inputs = append(inputs, procInput(codeName(a), outputURI(a, "features"), "/opt/ml/processing/"+codeName(a)))
			}
		}
		deps = st.After
	}
	inputs = append(inputs, procInput("code", root+"/code/"+codeName(st.Name)+"."+ext(p), "/opt/ml/processing/input/code"))
	var outputs []any
	if feeds[st.Name] {
		outputs = []any{procOutput("features", join("/", root+"/features", get("Execution.ExecutionId"), codeName(st.Name)), "/opt/ml/processing/features")}
	} else {
		for _, o := range []string{"train", "validation", "test"} {
			outputs = append(outputs, procOutput(o, join("/", root+"/data", get("Execution.ExecutionId"), o), "/opt/ml/processing/"+o))
		}
	}
	return stepDoc{Name: st.Name, Type: "Processing", DependsOn: deps, Arguments: map[string]any{
		"ProcessingResources":    map[string]any{"ClusterConfig": map[string]any{"InstanceType": get("Parameters.ProcessingInstanceType"), "InstanceCount": 1, "VolumeSizeInGB": 30}},
		"AppSpecification":       map[string]any{"ImageUri": pi.procImage, "ContainerEntrypoint": entry},
		"RoleArn":                g.domains[p.Agency].role,
		"ProcessingInputs":       inputs,
		"ProcessingOutputConfig": map[string]any{"Outputs": outputs},
		"StoppingCondition":      map[string]any{"MaxRuntimeInSeconds": 3600},
	}}
}

func channel(name string, uri any) map[string]any {
	return map[string]any{"ChannelName": name, "ContentType": "text/csv", "CompressionType": "None",
		"DataSource": map[string]any{"S3DataSource": map[string]any{"S3DataType": "S3Prefix", "S3Uri": uri, "S3DataDistributionType": "FullyReplicated"}}}
}

func procInput(name string, uri any, local string) map[string]any {
	return map[string]any{"InputName": name, "AppManaged": false, "S3Input": map[string]any{"S3Uri": uri, "LocalPath": local,
		"S3DataType": "S3Prefix", "S3InputMode": "File", "S3DataDistributionType": "FullyReplicated"}}
}

func procOutput(name string, uri any, local string) map[string]any {
	return map[string]any{"OutputName": name, "AppManaged": false, "S3Output": map[string]any{"S3Uri": uri, "LocalPath": local, "S3UploadMode": "EndOfJob"}}
}

// codeName turns PreprocessData into preprocess_data.
func codeName(step string) string {
	var b strings.Builder
	for i, r := range step {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func ext(p *Project) string {
	if p.Language == "r" {
		return "R"
	}
	return "py"
}

func headlinePath(problem string) string {
	if problem == "binary" {
		return "binary_classification_metrics.auc.value"
	}
	return "regression_metrics.rmse.value"
}

func headlineName(problem string) string {
	if problem == "binary" {
		return "AUC"
	}
	return "RMSE"
}
