namespace ChestXCds.Api.Feedback;

/// <summary>Where card feedback is stored, section <c>Feedback</c>.</summary>
public sealed class FeedbackStoreOptions
{
    public const string SectionName = "Feedback";

    /// <summary>SQLite database file; relative paths are under the content root. Default <c>App_Data/feedback.db</c>. Created when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine("App_Data", "feedback.db");
}
