using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>How one request is checked against the model and answered.</summary>
public sealed partial class LoopbackAwsServer
{
    /// <summary>What the generated policies allow, so a test of any adapter fails when it calls something they lack.</summary>
    private static readonly HashSet<string> PolicyAllowed =
        [.. AccessPolicies.Operator("loopback").AllowedActions(), .. AccessPolicies.Audit("loopback").AllowedActions()];

    private async Task<Reply> AnswerAsync(string method, string path, Dictionary<string, string> headers, byte[] body, string requestId)
    {
        var problems = new List<string>();
        if (method != "POST")
        {
            problems.Add($"method {method} instead of POST");
        }

        var scope = SigV4Check.Verify(method, path, headers, body, SecretKey, problems);
        var model = scope is null ? null : models.BySigningName(scope.Service);
        if (scope is not null && model is null)
        {
            problems.Add($"signing name '{scope.Service}' belongs to no service in the fixture");
        }

        if (scope is not null && scope.Region != Region)
        {
            problems.Add($"signed for region {scope.Region}, expected {Region}");
        }

        if (model is null || problems.Count > 0)
        {
            return Violation(model, "Unknown", problems, requestId);
        }

        var (operation, input) = Decode(model, headers, body, problems);
        if (problems.Count > 0 || operation is null || input is null)
        {
            return Violation(model, operation ?? "Unknown", problems, requestId);
        }

        calls.Enqueue(new ReceivedCall(model.Name, operation, input, scope!.Region, scope.Service));
        var action = $"{(scope.Service == "monitoring" ? "cloudwatch" : scope.Service)}:{operation}";
        if (!PolicyAllowed.Contains(action))
        {
            violations.Enqueue($"{model.Name}.{operation}: {action} is allowed by neither the generated operator policy nor the audit policy; add it to OperationCatalogue");
        }

        if (faults.TryGetValue(operation, out var queue) && queue.TryDequeue(out var fault))
        {
            return await FaultAsync(model, operation, fault, requestId);
        }

        try
        {
            var output = Account.Handle(model.Name, operation, input) ?? [];
            if (model.OutputShape(operation) is { } outputShape)
            {
                foreach (var problem in ShapeValidator.Validate(model, outputShape, output))
                {
                    violations.Enqueue($"response {model.Name}.{operation}: {problem}");
                }
            }

            return model.Protocol == "json"
                ? new Reply(200, "application/x-amz-json-1.1", output.ToJsonString())
                : new Reply(200, "text/xml", QueryCodec.Encode(model, operation, output, requestId));
        }
        catch (AwsFault error)
        {
            return Error(model, error.Status, error.Code, error.Message, requestId);
        }
    }

    private static (string? Operation, JsonObject? Input) Decode(ServiceModel model, Dictionary<string, string> headers, byte[] body, List<string> problems)
    {
        var text = Encoding.UTF8.GetString(body);
        if (model.Protocol == "json")
        {
            var contentType = headers.GetValueOrDefault("content-type");
            if (contentType != "application/x-amz-json-1.1")
            {
                problems.Add($"Content-Type '{contentType}' instead of application/x-amz-json-1.1");
            }

            var target = headers.GetValueOrDefault("x-amz-target") ?? string.Empty;
            var operation = target.StartsWith(model.TargetPrefix + ".", StringComparison.Ordinal) ? target[(model.TargetPrefix!.Length + 1)..] : null;
            if (operation is null || model.Operation(operation) is null)
            {
                problems.Add($"X-Amz-Target '{target}' is not an operation of {model.Name} in the fixture");
                return (operation, null);
            }

            JsonObject? input;
            try
            {
                input = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                input = null;
            }

            if (input is null)
            {
                problems.Add("the body is not a JSON object");
                return (operation, null);
            }

            problems.AddRange(ShapeValidator.Validate(model, model.InputShape(operation)!, input));
            return (operation, input);
        }

        var form = HttpUtility.ParseQueryString(text);
        var pairs = form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k]!, StringComparer.Ordinal);
        var action = pairs.GetValueOrDefault("Action");
        if (action is null || model.Operation(action) is null)
        {
            problems.Add($"Action '{action}' is not an operation of {model.Name} in the fixture");
            return (action, null);
        }

        if (pairs.GetValueOrDefault("Version") != model.ApiVersion)
        {
            problems.Add($"Version '{pairs.GetValueOrDefault("Version")}' instead of {model.ApiVersion}");
        }

        var decoded = model.InputShape(action) is { } shape ? QueryCodec.Decode(model, shape, pairs, problems) : [];
        if (model.InputShape(action) is { } inputShape)
        {
            problems.AddRange(ShapeValidator.Validate(model, inputShape, decoded));
        }

        return (action, decoded);
    }

    private async Task<Reply> FaultAsync(ServiceModel model, string operation, InjectedFault fault, string requestId)
    {
        if (fault.Hang)
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }

        if (fault.Malformed)
        {
            return new Reply(200, model.Protocol == "json" ? "application/x-amz-json-1.1" : "text/xml", model.Protocol == "json" ? "{\"Clusters\": [" : "<" + operation + "Response><broken");
        }

        return Error(model, fault.Status, fault.Code!, fault.Message!, requestId);
    }

    private Reply Violation(ServiceModel? model, string operation, List<string> problems, string requestId)
    {
        foreach (var problem in problems)
        {
            violations.Enqueue($"{model?.Name ?? "?"}.{operation}: {problem}");
        }

        return Error(model, 400, "ModelViolation", string.Join("; ", problems), requestId);
    }

    private static Reply Error(ServiceModel? model, int status, string code, string message, string requestId)
    {
        if (model is null || model.Protocol == "json")
        {
            var json = new JsonObject { ["__type"] = $"com.amazonaws.loopback#{code}", ["message"] = message };
            return new Reply(status, "application/x-amz-json-1.1", json.ToJsonString());
        }

        var escaped = System.Security.SecurityElement.Escape(message);
        var xml = model.Protocol == "ec2"
            ? $"<Response><Errors><Error><Code>{code}</Code><Message>{escaped}</Message></Error></Errors><RequestID>{requestId}</RequestID></Response>"
            : $"<ErrorResponse xmlns=\"{model.XmlNamespace}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{escaped}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>";
        return new Reply(status, "text/xml", xml);
    }
}
