// mq-lens: workload=online
package main

import (
	"context"

	"github.com/segmentio/kafka-go"
	"github.com/streadway/amqp"
)

func main() {
	// No RequiredAcks: kafka-go's Writer then waits for no acknowledgement at all.
	invoices := &kafka.Writer{Addr: kafka.TCP("kafka-1:9092"), Topic: "invoices"}
	defer invoices.Close()
	_ = invoices.WriteMessages(context.Background(), kafka.Message{Value: []byte("invoice-42")})

	conn, _ := amqp.Dial("amqp://guest:guest@rabbit:5672/")
	defer conn.Close()
}
