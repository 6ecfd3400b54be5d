package server

import (
	"reflect"
	"strings"
)

// resourceMembers are the input members that name the resource a request
// acts on, in order of preference: in any service ("") a member holding
// an ARN; in one service, a name and the ARN resource type it takes there.
// SageMaker ARNs carry names lower-cased.
var resourceMembers = []struct{ service, field, kind string }{
	{"", "ResourceArn", ""},
	{"", "PipelineExecutionArn", ""},
	{"", "RecoveryPointArn", ""},
	{"sagemaker", "ModelPackageArn", "model-package/"},
	{"sagemaker", "PipelineName", "pipeline/"},
	{"sagemaker", "TrainingJobName", "training-job/"},
	{"sagemaker", "EndpointName", "endpoint/"},
	{"cloudwatch", "AlarmNames", "alarm:"},
}

// requestResource is the ARN of the resource the decoded input in names,
// as AWS names it in an AccessDenied message; the service's "*" when the
// request names none the sandbox recognises.
func (s *Server) requestResource(call *Call, in any) string {
	v := reflect.ValueOf(in)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return call.ARN("*")
	}
	sh, err := s.shapes.of(v.Type())
	if err != nil {
		return call.ARN("*")
	}
	if call.iamPrefix == "s3" {
		if bucket := memberString(v, sh, "Bucket"); bucket != "" {
			if key := memberString(v, sh, "Key"); key != "" {
				return "arn:aws:s3:::" + bucket + "/" + key
			}
			return "arn:aws:s3:::" + bucket
		}
	}
	if call.iamPrefix == "servicecatalog" {
		// Service Catalog's ARNs are the "catalog" service's.
		if id := memberString(v, sh, "Id"); strings.HasPrefix(id, "prod-") {
			return "arn:aws:catalog:" + call.Region + ":" + call.Principal.Account + ":product/" + id
		}
	}
	for _, r := range resourceMembers {
		if r.service != "" && r.service != call.iamPrefix {
			continue
		}
		name := memberString(v, sh, r.field)
		switch {
		case name == "":
		case strings.HasPrefix(name, "arn:"):
			return name
		case r.kind == "":
			// An ARN member holding something else: not a resource to name.
		case call.iamPrefix == "sagemaker":
			return call.ARN(r.kind + strings.ToLower(name))
		default:
			return call.ARN(r.kind + name)
		}
	}
	return call.ARN("*")
}

// memberString is the text of the member whose Go field is field: a
// string, a *string, or a list's first string; "" when absent.
func memberString(v reflect.Value, sh *structShape, field string) string {
	for _, m := range sh.members {
		if m.field != field {
			continue
		}
		f, err := v.FieldByIndexErr(m.index)
		if err != nil {
			return ""
		}
		for f.Kind() == reflect.Pointer {
			if f.IsNil() {
				return ""
			}
			f = f.Elem()
		}
		switch {
		case f.Kind() == reflect.String:
			return f.String()
		case f.Kind() == reflect.Slice && f.Len() > 0 && f.Index(0).Kind() == reflect.String:
			return f.Index(0).String()
		}
		return ""
	}
	return ""
}
