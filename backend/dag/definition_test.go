package dag

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

func readHDB(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/hdb-resale-pipeline.json")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseDefinitionHDBPipeline(t *testing.T) {
	def, err := ParseDefinition(readHDB(t))
	if err != nil {
		t.Fatalf("ParseDefinition: %v", err)
	}

	wantParams := []domain.PipelineParameter{
		{Name: "ProcessingInstanceType", Type: domain.ParamString, Default: "ml.m5.xlarge"},
		{Name: "ProcessingInstanceCount", Type: domain.ParamInteger, Default: "1"},
		{Name: "TrainingInstanceType", Type: domain.ParamString, Default: "ml.m5.2xlarge", Enum: []string{"ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge"}},
		{Name: "ModelApprovalStatus", Type: domain.ParamString, Default: "PendingManualApproval"},
		{Name: "InputData", Type: domain.ParamString, Default: "s3://ag-hdb-resale-data/raw/resale-flat-prices-2017-onwards.csv"},
		{Name: "RMSEThreshold", Type: domain.ParamFloat, Default: "35000.0"},
		{Name: "MaxDepth", Type: domain.ParamInteger, Default: "6"},
		{Name: "UseSpotInstances", Type: domain.ParamBoolean, Default: "false"},
	}
	if !reflect.DeepEqual(def.Parameters, wantParams) {
		t.Errorf("parameters:\n got %+v\nwant %+v", def.Parameters, wantParams)
	}

	type stepView struct {
		Name, Type         string
		DependsOn, Refs    []string
		IfSteps, ElseSteps []string
	}
	var got []stepView
	for _, s := range def.Steps {
		got = append(got, stepView{s.Name, s.Type, s.DependsOn, s.References, s.IfSteps, s.ElseSteps})
	}
	want := []stepView{
		{Name: "PreprocessHDBData", Type: "Processing"},
		{Name: "TrainHDBModel", Type: "Training", Refs: []string{"PreprocessHDBData"}},
		{Name: "EvaluateHDBModel", Type: "Processing", Refs: []string{"PreprocessHDBData", "TrainHDBModel"}},
		{Name: "CheckRMSE", Type: "Condition", Refs: []string{"EvaluateHDBModel"}, IfSteps: []string{"RegisterHDBModel"}, ElseSteps: []string{"FailHDBRMSE"}},
		{Name: "RegisterHDBModel", Type: "RegisterModel", Refs: []string{"EvaluateHDBModel", "TrainHDBModel"}},
		{Name: "FailHDBRMSE", Type: "Fail"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("steps:\n got %+v\nwant %+v", got, want)
	}
	if !strings.Contains(def.Steps[1].Arguments, `"HyperParameters"`) || !strings.Contains(def.Steps[1].Arguments, `reg:squarederror`) {
		t.Errorf("training step Arguments lost its hyperparameters: %.120s…", def.Steps[1].Arguments)
	}
	if def.Steps[5].Arguments == "" || !strings.Contains(def.Steps[5].Arguments, "RMSE above") {
		t.Errorf("fail step Arguments = %q", def.Steps[5].Arguments)
	}
}

func TestParseDefinitionDefaultValues(t *testing.T) {
	tests := []struct {
		name, param string
		want        domain.PipelineParameter
	}{
		{"string", `{"Name":"Region","Type":"String","DefaultValue":"ap-southeast-1"}`, domain.PipelineParameter{Name: "Region", Type: "String", Default: "ap-southeast-1"}},
		{"integer", `{"Name":"Epochs","Type":"Integer","DefaultValue":10}`, domain.PipelineParameter{Name: "Epochs", Type: "Integer", Default: "10"}},
		{"float kept as written", `{"Name":"Eta","Type":"Float","DefaultValue":0.30}`, domain.PipelineParameter{Name: "Eta", Type: "Float", Default: "0.30"}},
		{"python exponent", `{"Name":"Lr","Type":"Float","DefaultValue":1e-05}`, domain.PipelineParameter{Name: "Lr", Type: "Float", Default: "1e-05"}},
		{"boolean true", `{"Name":"Spot","Type":"Boolean","DefaultValue":true}`, domain.PipelineParameter{Name: "Spot", Type: "Boolean", Default: "true"}},
		{"null default", `{"Name":"Note","Type":"String","DefaultValue":null}`, domain.PipelineParameter{Name: "Note", Type: "String"}},
		{"no default", `{"Name":"Note","Type":"String"}`, domain.PipelineParameter{Name: "Note", Type: "String"}},
		{"empty string default", `{"Name":"Note","Type":"String","DefaultValue":""}`, domain.PipelineParameter{Name: "Note", Type: "String"}},
		{"numeric enum", `{"Name":"Depth","Type":"Integer","DefaultValue":4,"EnumValues":[4,6,8]}`, domain.PipelineParameter{Name: "Depth", Type: "Integer", Default: "4", Enum: []string{"4", "6", "8"}}},
		{"unicode string", `{"Name":"Title","Type":"String","DefaultValue":"HDB 转售"}`, domain.PipelineParameter{Name: "Title", Type: "String", Default: "HDB 转售"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def, err := ParseDefinition(`{"Version":"2020-12-01","Parameters":[` + tt.param + `],"Steps":[]}`)
			if err != nil {
				t.Fatal(err)
			}
			if len(def.Parameters) != 1 || !reflect.DeepEqual(def.Parameters[0], tt.want) {
				t.Errorf("got %+v, want %+v", def.Parameters, tt.want)
			}
		})
	}
}

func TestParseDefinitionReferences(t *testing.T) {
	tests := []struct {
		name string
		args string // Arguments of step "B"; step "A" and "C" exist
		want []string
	}{
		{"plain get", `{"X":{"Get":"Steps.A.ModelArtifacts.S3ModelArtifacts"}}`, []string{"A"}},
		{"bracketed property", `{"X":{"Get":"Steps.A.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"}}`, []string{"A"}},
		{"index right after name", `{"X":{"Get":"Steps.A[0]"}}`, []string{"A"}},
		{"json get on property file", `{"X":{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.C.PropertyFiles.Report"},"Path":"a.b"}}}`, []string{"C"}},
		{"join of gets", `{"X":{"Std:Join":{"On":"/","Values":["s3://b",{"Get":"Steps.A.X"},{"Get":"Steps.C.Y"}]}}}`, []string{"A", "C"}},
		{"deep in arrays", `{"L":[[{"M":[{"Get":"Steps.C.Z"}]}]]}`, []string{"C"}},
		{"parameters and execution are not steps", `{"X":{"Get":"Parameters.A"},"Y":{"Get":"Execution.PipelineExecutionId"}}`, nil},
		{"string mentioning steps is not a get", `{"X":"Steps.A.Y","Get":"Steps"}`, nil},
		{"get that is not a string", `{"Get":{"Steps":"A"}}`, nil},
		{"repeated reads counted once", `{"X":{"Get":"Steps.A.P"},"Y":{"Get":"Steps.A.Q"}}`, []string{"A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			js := `{"Version":"2020-12-01","Steps":[{"Name":"A","Type":"Processing"},{"Name":"C","Type":"Processing"},{"Name":"B","Type":"Training","Arguments":` + tt.args + `}]}`
			def, err := ParseDefinition(js)
			if err != nil {
				t.Fatal(err)
			}
			if got := def.Steps[2].References; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("References = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseDefinitionStepLevelReferences(t *testing.T) {
	// QualityCheck steps carry baseline inputs beside Arguments, not in it.
	js := `{"Steps":[
		{"Name":"Baseline","Type":"Processing"},
		{"Name":"DataQuality","Type":"QualityCheck","CheckType":"DATA_QUALITY",
		 "SuppliedBaselineStatistics":{"Get":"Steps.Baseline.CalculatedBaselineStatistics"},
		 "Arguments":{}}]}`
	def, err := ParseDefinition(js)
	if err != nil {
		t.Fatal(err)
	}
	if got := def.Steps[1].References; !reflect.DeepEqual(got, []string{"Baseline"}) {
		t.Errorf("References = %v, want [Baseline]", got)
	}
}

func TestParseDefinitionNestedConditions(t *testing.T) {
	js := `{"Steps":[
		{"Name":"Eval","Type":"Processing"},
		{"Name":"Outer","Type":"Condition","Arguments":{
			"Conditions":[{"Type":"Equals","LeftValue":{"Get":"Steps.Eval.ProcessingJobStatus"},"RightValue":"Completed"}],
			"IfSteps":[{"Name":"Inner","Type":"Condition","Arguments":{
				"Conditions":[],
				"IfSteps":[{"Name":"Deploy","Type":"Lambda","Arguments":{"Model":{"Get":"Steps.Eval.X"}}}],
				"ElseSteps":[{"Name":"Notify","Type":"Callback"}]}}],
			"ElseSteps":["Eval"]}}]}`
	def, err := ParseDefinition(js)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range def.Steps {
		names = append(names, s.Name)
	}
	if want := []string{"Eval", "Outer", "Inner", "Deploy", "Notify"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("steps = %v, want %v", names, want)
	}
	outer, inner := def.Steps[1], def.Steps[2]
	if !reflect.DeepEqual(outer.IfSteps, []string{"Inner"}) || !reflect.DeepEqual(outer.ElseSteps, []string{"Eval"}) {
		t.Errorf("Outer branches = %v / %v", outer.IfSteps, outer.ElseSteps)
	}
	if !reflect.DeepEqual(outer.References, []string{"Eval"}) {
		t.Errorf("Outer references = %v, want only its condition's [Eval]", outer.References)
	}
	if len(inner.References) != 0 {
		t.Errorf("Inner references = %v, want none (Deploy's read belongs to Deploy)", inner.References)
	}
	if !reflect.DeepEqual(def.Steps[3].References, []string{"Eval"}) {
		t.Errorf("Deploy references = %v", def.Steps[3].References)
	}
}

func TestParseDefinitionIdenticalDuplicateKeptOnce(t *testing.T) {
	fail := `{"Name":"Fail","Type":"Fail","Arguments":{"ErrorMessage":"bad"}}`
	js := `{"Steps":[{"Name":"Check","Type":"Condition","Arguments":{"Conditions":[],"IfSteps":[],"ElseSteps":[` + fail + `]}},` + fail + `]}`
	def, err := ParseDefinition(js)
	if err != nil {
		t.Fatal(err)
	}
	if len(def.Steps) != 2 || def.Steps[1].Name != "Fail" {
		t.Errorf("steps = %+v, want Check and one Fail", def.Steps)
	}
}

func TestParseDefinitionErrors(t *testing.T) {
	tests := []struct {
		name, js string
		want     []string // substrings of the error
		keepDef  bool     // the definition is still returned
	}{
		{"not json", `{"Steps": [`, []string{"not valid JSON"}, false},
		{"top-level array", `[1,2]`, []string{"not a JSON object"}, false},
		{"null", `null`, []string{"not a JSON object"}, false},
		{"empty text", ``, []string{"not a JSON object"}, false},
		{"step given as a bare name", `{"Steps": ["Train"]}`, []string{"step 1 is not a JSON object"}, false},
		{"steps not a list", `{"Steps": {"Name": "A"}}`, []string{"Steps has the wrong JSON type (object)"}, false},
		{"parameters not a list", `{"Parameters": "none", "Steps": []}`, []string{"Parameters has the wrong JSON type (string)"}, false},
		{"step not an object", `{"Steps": [42]}`, []string{"step 1 is not a JSON object"}, false},
		{"step without name", `{"Steps": [{"Name":"A"},{"Type":"Training"}]}`, []string{"step 2 has no Name"}, false},
		{"name of wrong type", `{"Steps": [{"Name":7}]}`, []string{"step 1", "Name"}, false},
		{"parameter without name", `{"Parameters":[{"Type":"String"}],"Steps":[]}`, []string{"parameter 1 has no Name"}, false},
		{"duplicate step", `{"Steps": [{"Name":"Train","Type":"Training"},{"Name":"Train","Type":"Processing"}]}`, []string{`"Train"`, "two different steps"}, false},
		{"duplicate in branch", `{"Steps": [{"Name":"A","Type":"Processing"},{"Name":"C","Type":"Condition","Arguments":{"IfSteps":[{"Name":"A","Type":"Fail"}]}}]}`, []string{`"A"`, "two different steps"}, false},
		{"unknown reference", `{"Steps": [{"Name":"Eval","Type":"Processing","Arguments":{"M":{"Get":"Steps.Train.ModelArtifacts.S3ModelArtifacts"}}}]}`, []string{`step "Eval" refers to unknown step "Train"`}, true},
		{"unknown dependency", `{"Steps": [{"Name":"Eval","Type":"Processing","DependsOn":["Prep"]}]}`, []string{`step "Eval" depends on unknown step "Prep"`}, true},
		{"unknown branch by name", `{"Steps": [{"Name":"C","Type":"Condition","Arguments":{"IfSteps":["Gone"]}}]}`, []string{`step "C" branches to unknown step "Gone"`}, true},
		{"all unknowns listed", `{"Steps": [{"Name":"A","DependsOn":["X"]},{"Name":"B","DependsOn":["Y"]}]}`, []string{`unknown step "X"`, `unknown step "Y"`}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def, err := ParseDefinition(tt.js)
			if err == nil {
				t.Fatalf("no error; definition %+v", def)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if tt.keepDef != (len(def.Steps) > 0) {
				t.Errorf("definition returned with error = %+v, want kept=%v", def, tt.keepDef)
			}
		})
	}
}

func TestParseDefinitionEmpty(t *testing.T) {
	def, err := ParseDefinition(`{"Version":"2020-12-01","Steps":[]}`)
	if err != nil || len(def.Steps) != 0 || len(def.Parameters) != 0 {
		t.Errorf("got %+v, %v; want empty definition", def, err)
	}
	if _, err := ParseDefinition("\ufeff" + `{"Steps":[]}`); err != nil {
		t.Errorf("byte-order mark: %v", err)
	}
}
