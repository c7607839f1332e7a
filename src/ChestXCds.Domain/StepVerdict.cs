namespace ChestXCds.Domain;

/// <summary>The verifier's verdict on one reasoning step.</summary>
public enum StepVerdict
{
    Supported,
    Contradicted,
    Unverifiable,
}
