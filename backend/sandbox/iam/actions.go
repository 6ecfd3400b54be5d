package iam

import "strings"

// readPrefixes are the operation-name prefixes AWS uses for calls that only
// read. An operation whose name starts with one of them is read-only unless
// actionOverrides says otherwise.
var readPrefixes = []string{
	"List", "Describe", "Get", "Search", "Filter",
	"Head",          // S3 HeadObject, HeadBucket
	"BatchGet",      // e.g. BatchGetMetricData
	"BatchDescribe", // e.g. SageMaker BatchDescribeModelPackage
}

// actionOverrides classifies actions (service:Operation) whose name misleads
// the prefix rule: true = read-only, false = mutates.
var actionOverrides = map[string]bool{
	"logs:StartQuery":        true, // runs a query over logs, changes nothing
	"logs:StopQuery":         true,
	"logs:StartLiveTail":     true,
	"sagemaker:QueryLineage": true,
	"sts:GetSessionToken":    false, // mints credentials
	"sts:GetFederationToken": false,
}

// IsReadOnly reports whether service:operation only reads, as IAM's
// "read" access level would classify it. service is the IAM prefix
// (sagemaker, cloudwatch, logs, backup, elasticfilesystem, s3, sts, apigateway).
func IsReadOnly(service, operation string) bool {
	if ro, ok := actionOverrides[service+":"+operation]; ok {
		return ro
	}
	for _, p := range readPrefixes {
		if strings.HasPrefix(operation, p) {
			return true
		}
	}
	return false
}
