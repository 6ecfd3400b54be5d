package ui

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/agdash/agdash/views/kit"
)

// arnParts is an ARN split at its colons:
// arn:partition:service:region:account:resource.
type arnParts struct {
	partition, service, region, account, resource string
}

func parseARN(arn string) (arnParts, bool) {
	f := strings.SplitN(arn, ":", 6)
	if len(f) != 6 || f[0] != "arn" {
		return arnParts{}, false
	}
	return arnParts{partition: f[1], service: f[2], region: f[3], account: f[4], resource: f[5]}, true
}

// consoleHost is the AWS console's host for a region, by partition: the
// China and GovCloud regions have consoles of their own.
func consoleHost(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return region + ".console.amazonaws.cn"
	case strings.HasPrefix(region, "us-gov-"):
		return region + ".console.amazonaws-us-gov.com"
	}
	return region + ".console.aws.amazon.com"
}

// consoleURL is the AWS console page of r. region is the session's; the
// region in r's ARN, when it has one, wins.
func consoleURL(r kit.Resource, region string) (string, error) {
	arn, hasARN := parseARN(r.ARN)
	if hasARN && arn.region != "" {
		region = arn.region
	}
	if region == "" {
		return "", fmt.Errorf("no region is known for the %s", noun(r.Kind))
	}
	need := func(what, v string) (string, error) {
		if v == "" {
			return "", fmt.Errorf("the selected %s has no %s to link to", noun(r.Kind), what)
		}
		return url.PathEscape(v), nil
	}
	page := func(service, fragment string) string {
		return "https://" + consoleHost(region) + "/" + service + "/home?region=" + url.QueryEscape(region) + "#/" + fragment
	}
	switch r.Kind {
	case kit.ResourceTrainingJob, kit.ResourcePipeline, kit.ResourceModelGroup, kit.ResourceEndpoint, kit.ResourceProject:
		name, err := need("name", r.Name)
		if err != nil {
			return "", err
		}
		prefix := map[kit.ResourceKind]string{
			kit.ResourceTrainingJob: "jobs/", kit.ResourcePipeline: "pipelines/", kit.ResourceEndpoint: "endpoints/",
			kit.ResourceModelGroup: "model-registry/", kit.ResourceProject: "projects/",
		}[r.Kind]
		suffix := ""
		if r.Kind == kit.ResourceModelGroup {
			suffix = "/details"
		}
		return page("sagemaker", prefix+name+suffix), nil
	case kit.ResourcePipelineExecution:
		// pipeline/NAME/execution/ID
		parts := strings.Split(arn.resource, "/")
		if !hasARN || len(parts) != 4 || parts[0] != "pipeline" || parts[2] != "execution" {
			return "", fmt.Errorf("the selected pipeline execution has no execution ARN to link to")
		}
		pipeline := r.Parent
		if pipeline == "" {
			pipeline = parts[1]
		}
		return page("sagemaker", "pipelines/"+url.PathEscape(pipeline)+"/executions/"+url.PathEscape(parts[3])), nil
	case kit.ResourceModelVersion:
		group, version := r.Parent, r.Name
		// model-package/GROUP/VERSION
		if parts := strings.Split(arn.resource, "/"); hasARN && len(parts) == 3 && parts[0] == "model-package" {
			if group == "" {
				group = parts[1]
			}
			if version == "" {
				version = parts[2]
			}
		}
		if group == "" || version == "" {
			return "", fmt.Errorf("the selected model version has no group and version number to link to")
		}
		return page("sagemaker", "model-registry/"+url.PathEscape(group)+"/versions/"+url.PathEscape(version)), nil
	case kit.ResourceStudioDomain:
		id, err := need("domain id", r.ID)
		if err != nil {
			return "", err
		}
		return page("sagemaker", "studio/"+id), nil
	case kit.ResourceBackupVault:
		name, err := need("name", r.Name)
		if err != nil {
			return "", err
		}
		return page("backup", "backupvaults/details/"+name), nil
	case kit.ResourceRecoveryPoint:
		vault, err := need("vault", r.Parent)
		if err != nil {
			return "", err
		}
		if !hasARN {
			return "", fmt.Errorf("the selected recovery point has no ARN to link to")
		}
		return page("backup", "backupvaults/details/"+vault+"/"+url.QueryEscape(r.ARN)), nil
	case kit.ResourceRestoreJob:
		id, err := need("restore job id", r.ID)
		if err != nil {
			return "", err
		}
		return page("backup", "jobs/restore/details/"+id), nil
	case kit.ResourceFileSystem:
		id, err := need("file system id", r.ID)
		if err != nil {
			return "", err
		}
		return page("efs", "file-systems/"+id), nil
	}
	return "", fmt.Errorf("agdash has no console link for a %q", string(r.Kind))
}

// noun is a kind in words.
func noun(k kit.ResourceKind) string {
	switch k {
	case kit.ResourceModelGroup:
		return "model group"
	case kit.ResourceModelVersion:
		return "model version"
	case kit.ResourceStudioDomain:
		return "Studio domain"
	case kit.ResourceFileSystem:
		return "EFS file system"
	}
	return strings.ReplaceAll(string(k), "-", " ")
}
