package cmd

import (
	"fmt"

	awsb "github.com/agdash/agdash/backend/aws"
)

// connectError says why agdash could not start on an account, with the
// exit code a script acts on: credentials AWS will not take are
// ExitAuth; an AWS that cannot be reached, or that fails, is ExitError,
// so that a network outage is never mistaken for a login problem.
// endpoint is --endpoint-url ("" for AWS's own endpoints).
func connectError(err error, profile, endpoint string, inSandbox bool) error {
	switch awsb.Classify(err) {
	case awsb.KindTransient, awsb.KindTimeout, awsb.KindThrottled:
		return withCode(ExitError, fmt.Errorf("%w%s", err, unreachableHint(endpoint, inSandbox)))
	case awsb.KindNotFound:
		return withCode(ExitError, fmt.Errorf("cannot read the account as the configured identity: %w", err))
	}
	return withCode(ExitAuth, fmt.Errorf("cannot reach AWS as the configured identity: %w%s", err, loginHint(profile, inSandbox)))
}

// unreachableHint says where to look when AWS did not answer.
func unreachableHint(endpoint string, inSandbox bool) string {
	switch {
	case inSandbox:
		return ""
	case endpoint != "":
		return fmt.Sprintf("\nIs anything serving %s (--endpoint-url)?", endpoint)
	}
	return "\nCheck the network connection and any proxy (HTTPS_PROXY), then try again."
}

// loginHint tells SSO users how to refresh their session.
func loginHint(profile string, inSandbox bool) string {
	switch {
	case inSandbox:
		return ""
	case profile != "":
		return fmt.Sprintf("\nIf the profile uses SSO, refresh it with: aws sso login --profile %s", profile)
	}
	return "\nCheck your AWS credentials (aws configure list), or try the sandbox: agdash --sandbox"
}
