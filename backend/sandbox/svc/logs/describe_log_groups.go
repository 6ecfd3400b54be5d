package logs

import (
	"context"
	"strings"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
)

// DescribeLogGroupsInput is DescribeLogGroups' request.
type DescribeLogGroupsInput struct {
	LogGroupNamePrefix    *string  `aws:"logGroupNamePrefix"`
	LogGroupNamePattern   *string  `aws:"logGroupNamePattern"`
	NextToken             *string  `aws:"nextToken"`
	Limit                 *int32   `aws:"limit"`
	IncludeLinkedAccounts *bool    `aws:"includeLinkedAccounts"`
	LogGroupClass         *string  `aws:"logGroupClass"`
	AccountIdentifiers    []string `aws:"accountIdentifiers"`
	LogGroupIdentifiers   []string `aws:"logGroupIdentifiers"`
}

// LogGroup is one log group as DescribeLogGroups shows it.
type LogGroup struct {
	LogGroupName      *string `aws:"logGroupName"`
	CreationTime      *int64  `aws:"creationTime"`
	RetentionInDays   *int32  `aws:"retentionInDays"`
	MetricFilterCount *int32  `aws:"metricFilterCount"`
	Arn               *string `aws:"arn"`
	StoredBytes       *int64  `aws:"storedBytes"`
	LogGroupClass     *string `aws:"logGroupClass"`
	LogGroupArn       *string `aws:"logGroupArn"`
}

// DescribeLogGroupsOutput is DescribeLogGroups' answer.
type DescribeLogGroupsOutput struct {
	LogGroups []LogGroup `aws:"logGroups"`
	NextToken *string    `aws:"nextToken"`
}

// describeLogGroups lists groups by name, 50 a page at most:
//
//	aws logs describe-log-groups --log-group-name-prefix /aws/sagemaker/
func (h handlers) describeLogGroups(_ context.Context, _ *server.Call, in *DescribeLogGroupsInput) (*DescribeLogGroupsOutput, error) {
	if err := checkLimit(in.Limit, 50); err != nil {
		return nil, err
	}
	if in.LogGroupNamePrefix != nil && in.LogGroupNamePattern != nil {
		return nil, invalidParameter("LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive parameters.")
	}
	if len(in.LogGroupIdentifiers) > 0 && (in.LogGroupNamePrefix != nil || in.LogGroupNamePattern != nil) {
		return nil, invalidParameter("LogGroupIdentifiers cannot be combined with LogGroupNamePrefix or LogGroupNamePattern.")
	}
	limit := 50
	if in.Limit != nil {
		limit = int(*in.Limit)
	}
	after := ""
	if in.NextToken != nil {
		f, err := decodeToken(*in.NextToken, "DescribeLogGroups")
		if err != nil || len(f) != 1 {
			return nil, invalidParameter("The specified nextToken is invalid.")
		}
		after = f[0]
	}
	var wanted map[string]bool
	if len(in.LogGroupIdentifiers) > 0 {
		wanted = map[string]bool{}
		for _, id := range in.LogGroupIdentifiers {
			name, err := groupName(nil, &id)
			if err != nil {
				return nil, err
			}
			wanted[name] = true
		}
	}
	pattern := strings.ToLower(optional.Value(in.LogGroupNamePattern))
	out := &DescribeLogGroupsOutput{LogGroups: []LogGroup{}}
	for _, g := range h.world.LogGroups(optional.Value(in.LogGroupNamePrefix)) {
		if g.LogGroupName <= after ||
			pattern != "" && !strings.Contains(strings.ToLower(g.LogGroupName), pattern) ||
			wanted != nil && !wanted[g.LogGroupName] ||
			in.LogGroupClass != nil && *in.LogGroupClass != g.LogGroupClass {
			continue
		}
		if len(out.LogGroups) == limit {
			tok := encodeToken("DescribeLogGroups", *out.LogGroups[limit-1].LogGroupName)
			out.NextToken = &tok
			break
		}
		g := g
		out.LogGroups = append(out.LogGroups, LogGroup{
			LogGroupName: &g.LogGroupName, CreationTime: &g.CreationTime, RetentionInDays: &g.RetentionInDays,
			MetricFilterCount: &g.MetricFilterCount, Arn: &g.Arn, StoredBytes: &g.StoredBytes,
			LogGroupClass: &g.LogGroupClass, LogGroupArn: &g.LogGroupArn,
		})
	}
	return out, nil
}
