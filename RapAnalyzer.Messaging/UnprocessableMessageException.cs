namespace RapAnalyzer.Messaging;

/// <summary>
/// Why a message can never be processed as it is (it breaks a rule, or the database refuses it): the reason an operator
/// reads in the error queue and a subscriber to the message's fault receives.
/// </summary>
public sealed class UnprocessableMessageException(string message, Exception? innerException = null) : Exception(message, innerException);
