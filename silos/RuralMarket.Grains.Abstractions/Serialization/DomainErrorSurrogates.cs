using RuralMarket.Domain.Logistics;
using RuralMarket.Domain.Orders;
using RuralMarket.Domain.Shared;

namespace RuralMarket.Grains.Serialization;

// A grain's refusal must reach the page as the same exception type with the same code, so the page shows the same
// Vietnamese message as before grains existed. Orleans turns an exception it cannot serialize into a generic one;
// these surrogates carry each domain error type's own fields.

[GenerateSerializer]
public struct DomainExceptionSurrogate
{
    [Id(0)] public string Code;
    [Id(1)] public string Message;
}

[RegisterConverter]
public sealed class DomainExceptionConverter : IConverter<DomainException, DomainExceptionSurrogate>
{
    public DomainException ConvertFromSurrogate(in DomainExceptionSurrogate surrogate) => new(surrogate.Code, surrogate.Message);

    public DomainExceptionSurrogate ConvertToSurrogate(in DomainException value) => new() { Code = value.Code, Message = value.Message };
}

[GenerateSerializer]
public struct OutOfStockSurrogate
{
    [Id(0)] public Guid ProductId;
    [Id(1)] public string ProductName;
}

[RegisterConverter]
public sealed class OutOfStockConverter : IConverter<OutOfStockException, OutOfStockSurrogate>
{
    public OutOfStockException ConvertFromSurrogate(in OutOfStockSurrogate surrogate) => new(surrogate.ProductId, surrogate.ProductName);

    public OutOfStockSurrogate ConvertToSurrogate(in OutOfStockException value) => new() { ProductId = value.ProductId, ProductName = value.ProductName };
}

[GenerateSerializer]
public struct IllegalOrderTransitionSurrogate
{
    [Id(0)] public string OrderCode;
    [Id(1)] public OrderStatus From;
    [Id(2)] public OrderStatus To;
}

[RegisterConverter]
public sealed class IllegalOrderTransitionConverter : IConverter<IllegalOrderTransitionException, IllegalOrderTransitionSurrogate>
{
    public IllegalOrderTransitionException ConvertFromSurrogate(in IllegalOrderTransitionSurrogate surrogate) =>
        new(surrogate.OrderCode, surrogate.From, surrogate.To);

    public IllegalOrderTransitionSurrogate ConvertToSurrogate(in IllegalOrderTransitionException value) =>
        new() { OrderCode = value.OrderCode, From = value.From, To = value.To };
}

[GenerateSerializer]
public struct IllegalShipmentStepSurrogate
{
    [Id(0)] public string Waybill;
    [Id(1)] public ShipmentStatus From;
    [Id(2)] public ShipmentStatus To;
}

[RegisterConverter]
public sealed class IllegalShipmentStepConverter : IConverter<IllegalShipmentStepException, IllegalShipmentStepSurrogate>
{
    public IllegalShipmentStepException ConvertFromSurrogate(in IllegalShipmentStepSurrogate surrogate) =>
        new(surrogate.Waybill, surrogate.From, surrogate.To);

    public IllegalShipmentStepSurrogate ConvertToSurrogate(in IllegalShipmentStepException value) =>
        new() { Waybill = value.Waybill, From = value.From, To = value.To };
}
